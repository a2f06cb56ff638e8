// Small display pieces of the support console: UTC times (one clock for everyone, like LinkedIn's
// daily limits), onboarding status and sync state badges.
import type { JobStatus, NotificationState, OnboardingStatus, SyncState } from "@/lib/db/enums";

export function SupportTime({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="text-slate-500">—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  const text = `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return <time dateTime={d.toISOString()}>{text}</time>;
}

export const STATUS_LABELS: Record<OnboardingStatus, string> = {
  REQUESTED: "Requested",
  PARTNER_READY: "Partner ready",
  ENABLED: "Enabled",
};

const STATUS_CLASSES: Record<OnboardingStatus, string> = {
  REQUESTED: "bg-amber-100 text-amber-900",
  PARTNER_READY: "bg-sky-100 text-sky-900",
  ENABLED: "bg-green-100 text-green-900",
};

export function SupportStatusBadge({ status }: { status: OnboardingStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const STATE_CLASSES: Record<string, string> = {
  FAILED: "bg-red-100 text-red-900",
  SUCCEEDED: "bg-green-100 text-green-900",
  SYNCED: "bg-green-100 text-green-900",
  PROCESSED: "bg-green-100 text-green-900",
};

/** Sync, job and notification states: failures stand out in words, not only in colour. */
export function SupportStateBadge({ state }: { state: SyncState | JobStatus | NotificationState }) {
  const words = state.toLowerCase().replace(/_/g, " ");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATE_CLASSES[state] ?? "bg-slate-100 text-slate-800"}`}
    >
      {words}
    </span>
  );
}

export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
