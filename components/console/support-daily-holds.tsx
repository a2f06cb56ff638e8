// The issues view's "held until midnight UTC" section (C26, L17): customer applications whose daily limit on a
// LinkedIn resource is spent. Informational: the jobs that hit the hold were queued again for its end.
import type { ReactNode } from "react";
import type { DailyHoldIssue } from "@/lib/support/daily-holds";
import { Table } from "@/components/console/table";
import { Time } from "@/components/console/time";

const td = "py-2 pr-4 align-top";

export function SupportDailyHolds({
  rows,
  customerLink,
  pager,
}: {
  rows: DailyHoldIssue[];
  customerLink: (h: DailyHoldIssue) => ReactNode;
  pager: ReactNode;
}) {
  return (
    <section aria-labelledby="daily-holds-heading" id="daily-holds">
      <h2 id="daily-holds-heading" className="text-lg font-semibold">
        Customers held until midnight UTC
      </h2>
      <p className="text-sm text-slate-600">
        The customer&apos;s application spent its daily limit on a LinkedIn resource (C26, L17): its calls to it wait
        until 00:00 UTC, when LinkedIn resets the limits. The jobs that hit the hold were queued again to start then;
        nothing needs doing. If it happens every day, the customer&apos;s traffic needs looking at.
      </p>
      {rows.length ? (
        <Table
          caption="Customers held until midnight UTC, soonest end first"
          columns={["Customer", "API key", "Resource", "Held until"]}
          minWidth="40rem"
          testId="daily-limit-holds"
          className="mt-2"
        >
          {rows.map((h) => (
            <tr key={`${h.clientId} ${h.resource}`} className="border-b border-slate-100">
              <th scope="row" className={`${td} text-left font-normal`}>
                {customerLink(h)}
              </th>
              <td className={`${td} font-mono text-xs`}>{h.clientId}</td>
              <td className={`${td} text-xs`}>
                {h.resource}
                <div className="text-slate-500">
                  {h.detectedBy === "budget" ? "Onramp's count reached the limit" : "LinkedIn said the limit is spent"}
                </div>
              </td>
              <td className={`${td} text-xs`}>
                00:00 UTC (<Time value={h.heldUntil} />)
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="mt-2 text-sm">No customer is held.</p>
      )}
      {pager}
    </section>
  );
}
