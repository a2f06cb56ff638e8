// LinkedIn calls one customer's application used today against the daily budget, and rate limits (C26).
import type { LinkedInUsage } from "@/lib/support/customer";
import { Time } from "@/components/ui/time";

const th = "py-2 pr-4 font-medium";

export function LinkedInUsageTable({ usage }: { usage: LinkedInUsage }) {
  return (
    <div className="space-y-2 text-sm">
      {usage.holds.map((h) => (
        <p key={h.resource} role="status" data-testid="daily-limit-hold" className="font-semibold text-red-800">
          Daily limit spent on {h.resource}: this customer&apos;s calls to it are held until 00:00 UTC (
          <Time value={h.heldUntil} />
          ).{" "}
          {h.detectedBy === "budget"
            ? "Onramp's own count of today's calls reached the limit."
            : "LinkedIn answered that the daily limit is spent."}{" "}
          Jobs that hit the hold were re-queued to start then; nothing needs doing.
        </p>
      ))}
      <p>
        {usage.rateLimitedNow ? (
          <strong className="text-red-800">
            LinkedIn is rate-limiting this customer&apos;s application until <Time value={usage.rateLimitedUntil} />.
          </strong>
        ) : (
          <span>
            Not rate-limited
            {usage.rateLimitedUntil ? (
              <>
                {" "}
                (last limit ended <Time value={usage.rateLimitedUntil} />)
              </>
            ) : null}
            .
          </span>
        )}{" "}
        Counts reset at <Time value={usage.resetsAt} />.
      </p>
      {usage.endpoints.length ? (
        <table className="text-left text-sm" data-testid="calls-today">
          <caption className="sr-only">LinkedIn calls used today (UTC) per endpoint, against the daily budget</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className={th}>
                Endpoint
              </th>
              <th scope="col" className={th}>
                Used today
              </th>
              <th scope="col" className={th}>
                Budget
              </th>
              <th scope="col" className={th}>
                Rate-limited
              </th>
              <th scope="col" className="py-2 font-medium">
                Errors
              </th>
            </tr>
          </thead>
          <tbody>
            {usage.endpoints.map((e) => (
              <tr key={e.endpoint} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {e.endpoint}
                </th>
                <td className="py-1 pr-4 tabular-nums">
                  {e.count.toLocaleString("en-US")}{" "}
                  <meter
                    min={0}
                    max={e.budget}
                    value={e.count}
                    high={e.budget * 0.8}
                    aria-label={`${e.endpoint}: ${e.count} of ${e.budget} calls used`}
                  />
                </td>
                <td className="py-1 pr-4 tabular-nums">
                  {e.budget.toLocaleString("en-US")} ({e.remaining.toLocaleString("en-US")} left)
                </td>
                <td className="py-1 pr-4 tabular-nums">{e.rateLimitedCount}</td>
                <td className="py-1 tabular-nums">{e.errorCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p data-testid="calls-today">
          No LinkedIn calls today (budget {usage.budget.toLocaleString("en-US")} per endpoint).
        </p>
      )}
    </div>
  );
}
