// The onboarding funnel (issue #6) as plain SVG, with the same numbers in a table for screen readers
// and anyone who wants the figures: the chart itself is aria-hidden.
import type { FunnelStep } from "@/lib/support/overview";

const BAR_HEIGHT = 28;
const GAP = 10;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 560;

export function StageFunnel({ steps }: { steps: FunnelStep[] }) {
  const max = Math.max(1, ...steps.map((s) => s.count));
  const height = steps.length * (BAR_HEIGHT + GAP);
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
  const total = steps[0]?.count ?? 0;
  return (
    <figure aria-labelledby="funnel-caption" className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption id="funnel-caption" className="mb-3 font-medium">
        Onboarding funnel: customers that got at least this far
      </figcaption>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        className="h-auto w-full max-w-2xl"
        aria-hidden="true"
        focusable="false"
      >
        {steps.map((s, idx) => {
          const y = idx * (BAR_HEIGHT + GAP);
          const w = Math.max(2, (s.count / max) * barSpace);
          return (
            <g key={s.key}>
              <text x={0} y={y + BAR_HEIGHT * 0.68} fontSize="13" fill="#334155">
                {s.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={w}
                height={BAR_HEIGHT}
                rx="3"
                fill={["#1e3a8a", "#b45309", "#0369a1", "#15803d"][idx % 4]}
              />
              <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT * 0.68} fontSize="13" fill="#0f172a">
                {s.count.toLocaleString("en-US")}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="mt-3 text-sm">
        <caption className="sr-only">Onboarding funnel figures</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-6 text-left font-medium">
              Step
            </th>
            <th scope="col" className="pr-6 text-right font-medium">
              Customers
            </th>
            <th scope="col" className="text-right font-medium">
              Of all
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.key}>
              <th scope="row" className="pr-6 text-left font-normal">
                {s.label}
              </th>
              <td className="pr-6 text-right tabular-nums">{s.count.toLocaleString("en-US")}</td>
              <td className="text-right tabular-nums">{total ? `${Math.round((s.count / total) * 100)}%` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
