// Onboarding status and state badges, in the words and colours of the one vocabulary (lib/status/vocabulary.ts).

import { ARCHIVED_WORDS, keyStatusOf, ONBOARDING_WORDS, type StateWords, TONE_CLASSES } from "@/lib/status/vocabulary";
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
      className={`${BADGE} ${size === "sm" ? "text-sm" : "text-xs"} ${TONE_CLASSES[words.tone].badge}`}
    >
      {words.label}
    </span>
  );
}

/**
 * A sync, job, notification, email or webhook delivery state, in the vocabulary's lower-case words ("failed",
 * "not handled"): pass its words, e.g. `SYNC_STATE_WORDS[state]`.
 */
export function StateBadge({ words }: { words: StateWords }) {
  return <span className={`${BADGE} text-xs ${TONE_CLASSES[words.tone].badge}`}>{words.label}</span>;
}

/** Whether a customer's LinkedIn keys work (C27): "Keys work", "Keys refused by LinkedIn", … */
export function KeyStatusBadge({ application }: { application: ApplicationSummary | null }) {
  return <StateBadge words={keyStatusOf(application)} />;
}

/** An archived customer, beside its name. */
export function ArchivedBadge({ size = "xs" }: { size?: "xs" | "sm" }) {
  return (
    <span
      className={`${BADGE} ml-2 align-middle font-normal ${size === "sm" ? "text-sm" : "text-xs"} ${TONE_CLASSES[ARCHIVED_WORDS.tone].badge}`}
    >
      {ARCHIVED_WORDS.label}
    </span>
  );
}
