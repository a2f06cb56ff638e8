// The issues view's "held until midnight UTC" section (C26, L17): customer applications whose daily limit on a
// LinkedIn resource is spent. Informational: the jobs that hit the hold were queued again for its end.
import type { DailyHoldIssue } from "@/lib/support/daily-holds";
import { type IssueListProps, IssueSection } from "@/components/console/issue-section";
import { Time } from "@/components/ui/time";

const td = "py-2 pr-4 align-top";

export function DailyHoldsSection({ rows, customerLink, pager }: IssueListProps<DailyHoldIssue>) {
  return (
    <IssueSection
      id="daily-holds"
      title="Customers held until midnight UTC"
      description={
        <>
          The customer&apos;s application spent its daily limit on a LinkedIn resource: its calls to it wait until 00:00
          UTC, when LinkedIn resets the limits. The jobs that hit the hold were queued again to start then; nothing
          needs doing. If it happens every day, the customer&apos;s traffic needs looking at.
        </>
      }
      caption="Customers held until midnight UTC, soonest end first"
      columns={["Customer", "API key", "Resource", "Held until"]}
      minWidth="40rem"
      testId="daily-limit-holds"
      emptyText="No customer is held."
      rows={rows}
      pager={pager}
      rowKey={(h) => `${h.clientId} ${h.resource}`}
      rowHeader={customerLink}
      cells={(h) => (
        <>
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
        </>
      )}
    />
  );
}
