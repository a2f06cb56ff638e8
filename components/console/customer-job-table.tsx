// One customer's jobs for staff (issue #6, C28): status, attempts, items, error, and a retry.
import type { FormAction } from "@/lib/actions/state";
import type { JobKind } from "@/lib/db/enums";
import type { CustomerJob } from "@/lib/support/customer";
import { ActionForm } from "@/components/ui/action-form";
import { humanize, JOB_STATUS_WORDS } from "@/lib/status/vocabulary";
import { StateBadge } from "./status-badge";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

const td = "py-2 pr-4 align-top";

/** `retryKinds`: what the viewer's role may retry (lib/jobs/permissions.ts); other rows offer no button. */
export function CustomerJobTable({
  rows,
  retryAction,
  retryKinds,
}: {
  rows: CustomerJob[];
  retryAction: FormAction;
  retryKinds: readonly JobKind[];
}) {
  if (!rows.length) return <p className="text-sm text-slate-600">No jobs have run for this customer.</p>;
  return (
    <Table
      caption="Sync and other jobs, newest first"
      columns={["Job", "Status", "Attempts", "Items", "Outcome", "Action"]}
      minWidth="48rem"
      testId="job-list"
    >
      {rows.map((j) => (
        <tr key={j.id} className="border-b border-slate-100" data-testid={`job-${j.id}`}>
          <th scope="row" className={`${td} text-left font-normal`}>
            <div>{humanize(j.kind)}</div>
            <div className="text-xs text-slate-500">
              created <Time value={j.createdAt} />
            </div>
            {j.triggeredBy ? <div className="text-xs text-slate-500">by {j.triggeredBy}</div> : null}
          </th>
          <td className={td}>
            <StateBadge words={JOB_STATUS_WORDS[j.status]} />
          </td>
          <td className={`${td} tabular-nums`}>
            {j.attempts} of {j.maxAttempts}
          </td>
          <td className={`${td} text-xs tabular-nums`}>
            {j.totalCount
              ? `${j.succeededCount} of ${j.totalCount} done${j.failedCount ? `, ${j.failedCount} failed` : ""}`
              : "—"}
          </td>
          <td className={`${td} text-xs`}>
            {j.outcome ? (
              <div className="whitespace-pre-line text-slate-800" data-testid="job-outcome">
                {j.outcome}
              </div>
            ) : null}
            {j.lastError ? <div className="text-red-800">{j.lastError}</div> : null}
          </td>
          <td className="py-2 align-top">
            {j.status === "RUNNING" ? null : retryKinds.includes(j.kind) ? (
              <ActionForm
                action={retryAction}
                fields={{ jobId: j.id }}
                label="Retry"
                pendingLabel="Queuing…"
                labelDetail={`${humanize(j.kind).toLowerCase()} job`}
              />
            ) : (
              "Ask an operator to retry it"
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
