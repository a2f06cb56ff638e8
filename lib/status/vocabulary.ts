// The one status vocabulary (issue #13, issue 21 point 4): every state a person reads — onboarding status, sync, job,
// provisioning, notification, email, webhook delivery and key-import row — in plain words and a tone, and each tone's
// colours, the same on the customer admin's page, in the console and in the overview (the colours and the onboarding
// tones live in ./tones.ts, which that page's browser code reads alone). Pure, and type-only on the data model: client
// components use it, so it must never import server-only code or zod. Every enum value has its words
// (lib/status/vocabulary.test.ts checks them against prisma/schema.prisma).
import {
  type ApplicationOrigin,
  EmailStatus,
  type JobKind,
  JobStatus,
  type KeyImportRowStatus,
  NotificationState,
  type OnboardingStatus,
  SyncState,
  WebhookDeliveryState,
} from "@/lib/db/enums";
import { ONBOARDING_TONES, type Tone } from "./tones";

export { ONBOARDING_TONES, TONE_CLASSES, type Tone } from "./tones";

export type StateWords = { label: string; tone: Tone };

/** An enum value in words: "PARTNER_READY" → "Partner ready". For values with no words of their own (kinds, sources). */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An enum value as a lower-case state in a sentence or a badge: "NOT_HANDLED" → "not handled". */
const lower = (value: string) => value.toLowerCase().replace(/_/g, " ");
/** Words for each value of enum `values`, lower-case, with the tone `tones` gives (neutral when it gives none). */
function statesOf<S extends string>(values: Record<S, S>, tones: Partial<Record<S, Tone>>): Record<S, StateWords> {
  const words: Partial<Record<S, StateWords>> = {};
  for (const value of Object.values<S>(values)) words[value] = { label: lower(value), tone: tones[value] ?? "neutral" };
  return words as Record<S, StateWords>;
}

export const ONBOARDING_WORDS: Record<OnboardingStatus, { label: string; next: string; tone: Tone }> = {
  REQUESTED: {
    label: "Requested",
    next: "LinkedIn prepares the integration once Onramp has sent its name and settings.",
    tone: ONBOARDING_TONES.REQUESTED,
  },
  PARTNER_READY: {
    label: "Partner ready",
    next: "Ready for you: sign in to the LinkedIn product and enable this integration there.",
    tone: ONBOARDING_TONES.PARTNER_READY,
  },
  ENABLED: {
    label: "Enabled",
    next: "Set up: data may flow between your ATS and LinkedIn.",
    tone: ONBOARDING_TONES.ENABLED,
  },
};

export const STATUS_LABELS: Record<OnboardingStatus, string> = {
  REQUESTED: ONBOARDING_WORDS.REQUESTED.label,
  PARTNER_READY: ONBOARDING_WORDS.PARTNER_READY.label,
  ENABLED: ONBOARDING_WORDS.ENABLED.label,
};

/** Job statuses in a badge; failures stand out in words too. */
export const JOB_STATUS_WORDS = statesOf(JobStatus, { QUEUED: "waiting", SUCCEEDED: "good", FAILED: "bad" });

/** Name and configuration sync states in a badge (the console; the customer admin reads syncWords). */
export const SYNC_STATE_WORDS = statesOf(SyncState, { PENDING: "waiting", SYNCED: "good", FAILED: "bad" });

export const NOTIFICATION_STATE_WORDS = statesOf(NotificationState, {
  PENDING: "waiting",
  PROCESSED: "good",
  FAILED: "bad",
});

export const EMAIL_STATUS_WORDS = statesOf(EmailStatus, {
  QUEUED: "waiting",
  SENDING: "waiting",
  SENT: "good",
  FAILED: "bad",
});

export const WEBHOOK_DELIVERY_WORDS = statesOf(WebhookDeliveryState, {
  PENDING: "waiting",
  DELIVERED: "good",
  FAILED: "bad",
});

/** A bulk key import's row outcome (issue 10 item 7). */
export const KEY_IMPORT_ROW_WORDS: Record<KeyImportRowStatus, StateWords> = {
  PENDING: { label: "Waiting for LinkedIn's check", tone: "neutral" },
  IMPORTED: { label: "Imported", tone: "good" },
  UNCHANGED: { label: "Unchanged", tone: "info" },
  REFUSED: { label: "Refused", tone: "bad" },
};

/** Where a customer's provisioning job (C1, C28) stands, in a sentence. */
export const PROVISIONING_WORDS: Record<JobStatus, string> = {
  QUEUED: "Queued: waiting for a worker",
  RUNNING: "Asking LinkedIn to create the application",
  RETRYING: "The last attempt failed; Onramp will try again",
  SUCCEEDED: "Done: LinkedIn created the application",
  FAILED: "Failed after the last attempt",
  CANCELLED: "Cancelled",
};

/** The sync jobs a customer admin sees, in their words; other kinds are humanized. */
export const JOB_WORDS: Partial<Record<JobKind, string>> = {
  SYNC_NAMES: "Sending integration names to LinkedIn",
  SYNC_CONFIGURATIONS: "Sending integration settings to LinkedIn",
};

/** A sync state in a customer admin's words (C18). */
export function syncWords(state: SyncState, error: string | null): string {
  switch (state) {
    case "SYNCED":
      return "sent to LinkedIn";
    case "SYNCING":
      return "sending to LinkedIn…";
    case "FAILED":
      return "not accepted by LinkedIn";
    default:
      if (error?.startsWith("Waiting for you")) return "waiting for you";
      return error ? "will be sent again shortly" : "waiting to be sent";
  }
}

/** Whether a customer's LinkedIn keys work (C27), in words; no part of the secret (support sees it too). */
export function keyStatusOf(
  app: { lastAuthError: string | null; lastVerifiedAt: Date | string | null } | null,
): StateWords {
  if (!app) return { label: "No keys yet", tone: "neutral" };
  if (app.lastAuthError) return { label: "Keys refused by LinkedIn", tone: "bad" };
  if (app.lastVerifiedAt) return { label: "Keys work", tone: "good" };
  return { label: "Keys not checked yet", tone: "neutral" };
}

/** An archived customer, beside its name. */
export const ARCHIVED_WORDS: StateWords = { label: "Archived", tone: "neutral" };

/** How a customer's LinkedIn application came to Onramp (an ApplicationOrigin; some reads type it as text). */
export function applicationOriginWords(origin: ApplicationOrigin | string): string {
  return origin === "PROVISIONED" ? "Provisioned through LinkedIn" : "Entered by hand";
}
