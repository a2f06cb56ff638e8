// The one status vocabulary (issue #13): onboarding statuses, sync, job, notification and email states
// in words and colours, the same on the customer admin's page and in the console. Pure.
import type { ApplicationSummary } from "@/lib/customers/queries";
import type { OnboardingStatus, SyncState } from "@/lib/db/enums";

export const ONBOARDING_WORDS: Record<OnboardingStatus, { label: string; next: string; tone: string }> = {
  REQUESTED: {
    label: "Requested",
    next: "LinkedIn prepares the integration once Onramp has sent its name and settings.",
    tone: "bg-amber-100 text-amber-900",
  },
  PARTNER_READY: {
    label: "Partner ready",
    next: "Ready for you: sign in to the LinkedIn product and enable this integration there.",
    tone: "bg-blue-100 text-blue-900",
  },
  ENABLED: {
    label: "Enabled",
    next: "Set up: data may flow between your ATS and LinkedIn.",
    tone: "bg-green-100 text-green-900",
  },
};

export const STATUS_LABELS = Object.fromEntries(
  Object.entries(ONBOARDING_WORDS).map(([status, words]) => [status, words.label]),
) as Record<OnboardingStatus, string>;

const DONE = "bg-green-100 text-green-900";
const WAITING = "bg-amber-100 text-amber-900";
const NEUTRAL = "bg-slate-100 text-slate-800";
const BAD = "bg-red-100 text-red-900";

/** Sync, job, notification and email states; a state not listed is neutral. Failures stand out in words too. */
export const STATE_TONES: Record<string, string> = {
  FAILED: BAD,
  SUCCEEDED: DONE,
  DELIVERED: DONE,
  SYNCED: DONE,
  PROCESSED: DONE,
  SENT: DONE,
  QUEUED: WAITING,
  PENDING: WAITING,
  SENDING: WAITING,
  SUPPRESSED: NEUTRAL,
};

export function stateTone(state: string): string {
  return STATE_TONES[state] ?? NEUTRAL;
}

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

export const JOB_WORDS: Record<string, string> = {
  SYNC_NAMES: "Sending integration names to LinkedIn",
  SYNC_CONFIGURATIONS: "Sending integration settings to LinkedIn",
};

/** Whether a customer's LinkedIn keys work (C27), in words; no part of the secret (support sees it too). */
export function keyStatusOf(app: ApplicationSummary | null): { label: string; tone: string } {
  if (!app) return { label: "No keys yet", tone: NEUTRAL };
  if (app.lastAuthError) return { label: "Keys refused by LinkedIn", tone: BAD };
  if (app.lastVerifiedAt) return { label: "Keys work", tone: DONE };
  return { label: "Keys not checked yet", tone: NEUTRAL };
}
