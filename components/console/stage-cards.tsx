// Customers by onboarding stage (issue #6): a list of figures, each a link to the filtered list.
import Link from "next/link";
import type { StageCounts } from "@/lib/support/overview";

export function StageCards({
  counts,
  hrefFor,
}: {
  counts: StageCounts;
  hrefFor: (patch: Record<string, string>) => string;
}) {
  const cards: { label: string; value: number; href?: string; tone: string }[] = [
    { label: "None requested", value: counts.noneRequested, tone: "border-slate-300" },
    { label: "Requested", value: counts.requested, href: hrefFor({ status: "REQUESTED" }), tone: "border-amber-400" },
    {
      label: "Partner ready",
      value: counts.partnerReady,
      href: hrefFor({ status: "PARTNER_READY" }),
      tone: "border-sky-400",
    },
    { label: "Enabled", value: counts.enabled, href: hrefFor({ status: "ENABLED" }), tone: "border-green-500" },
    { label: "With errors", value: counts.withErrors, href: hrefFor({ errors: "with" }), tone: "border-red-500" },
  ];
  return (
    <ul aria-label="Customers by onboarding stage" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((c) => (
        <li
          key={c.label}
          className={`rounded-lg border-l-4 bg-white p-3 shadow-sm ${c.tone}`}
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
