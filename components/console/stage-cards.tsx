// Customers by onboarding stage (issue #6): a list of figures, each a link to the filtered list.
import Link from "next/link";
import type { OnboardingStatus } from "@/lib/db/enums";
import { ONBOARDING_WORDS, TONE_CLASSES, type Tone } from "@/lib/status/vocabulary";
import type { StageCounts } from "@/lib/support/overview";

const STAGE_COUNT: Record<OnboardingStatus, keyof StageCounts> = {
  REQUESTED: "requested",
  PARTNER_READY: "partnerReady",
  ENABLED: "enabled",
};

export function StageCards({
  counts,
  hrefFor,
}: {
  counts: StageCounts;
  hrefFor: (patch: Record<string, string>) => string;
}) {
  const cards: { label: string; value: number; href?: string; tone: Tone }[] = [
    { label: "None requested", value: counts.noneRequested, tone: "neutral" },
    ...(["REQUESTED", "PARTNER_READY", "ENABLED"] as const).map((status) => ({
      label: ONBOARDING_WORDS[status].label,
      value: counts[STAGE_COUNT[status]],
      href: hrefFor({ status }),
      tone: ONBOARDING_WORDS[status].tone,
    })),
    { label: "With errors", value: counts.withErrors, href: hrefFor({ errors: "with" }), tone: "bad" },
  ];
  return (
    <ul aria-label="Customers by onboarding stage" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((c) => (
        <li
          key={c.label}
          className={`rounded-lg border-l-4 bg-white p-3 shadow-sm ${TONE_CLASSES[c.tone].border}`}
          data-testid={`stage-${c.label.toLowerCase().replace(/ /g, "-")}`}
        >
          <p className="text-sm text-slate-600">{c.label}</p>
          <p className="text-2xl font-semibold tabular-nums">
            {c.href ? (
              <Link href={c.href} className="hover:underline">
                {c.value.toLocaleString("en-US")}
                <span className="sr-only"> customers: show their integrations</span>
              </Link>
            ) : (
              c.value.toLocaleString("en-US")
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
