// Onboarding status and state badges, in the words and colours of status-words.ts.

import { keyStatusOf, ONBOARDING_WORDS, stateTone } from "@/components/console/status-words";
import type { ApplicationSummary } from "@/lib/customers/queries";
import type { OnboardingStatus } from "@/lib/db/enums";

const BADGE = "inline-block rounded px-2 py-0.5 font-medium";

export function StatusBadge({
  status,
  size = "xs",
  testId,
}: {
  status: OnboardingStatus;
  size?: "xs" | "sm";
  testId?: string;
}) {
  const words = ONBOARDING_WORDS[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`${BADGE} ${size === "sm" ? "text-sm" : "text-xs"} ${words.tone}`}
    >
      {words.label}
    </span>
  );
}

/** Sync, job, notification and email states, in lower-case words ("failed", "sending"). */
export function StateBadge({ state }: { state: string }) {
  return <span className={`${BADGE} text-xs ${stateTone(state)}`}>{state.toLowerCase().replace(/_/g, " ")}</span>;
}

/** Whether a customer's LinkedIn keys work (C27): "Keys work", "Keys refused by LinkedIn", … */
export function KeyStatusBadge({ application }: { application: ApplicationSummary | null }) {
  const { label, tone } = keyStatusOf(application);
  return <span className={`${BADGE} text-xs ${tone}`}>{label}</span>;
}

/** An archived customer, beside its name. */
export function ArchivedBadge({ size = "xs" }: { size?: "xs" | "sm" }) {
  return (
    <span
      className={`${BADGE} ml-2 align-middle font-normal ${size === "sm" ? "text-sm" : "text-xs"} ${stateTone("ARCHIVED")}`}
    >
      Archived
    </span>
  );
}
