// The issues view's sections about jobs, keys and daily holds (issue #6), each an async server component that
// awaits its own list so it streams behind its own Suspense boundary (issue 21, point 1).
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DailyHoldsSection } from "@/components/console/daily-holds";
import { humanize } from "@/lib/status/vocabulary";
import { IssueSection } from "@/components/console/issue-section";
import { SecretRollsSection } from "@/components/console/secret-roll";
import { Time } from "@/components/ui/time";
import { mayOperateJob } from "@/lib/jobs/permissions";
import { dailyLimitHolds } from "@/lib/support/daily-holds";
import { failedJobs, keyFailures } from "@/lib/support/issues";
import { overdueSecretRolls } from "@/lib/support/secret-rolls";
import { retryJobAction } from "../../actions";
import { CustomerCell, CustomerLink, type IssueView, issuePager, td } from "../issue-view";

export async function FailedJobsSection({ view }: { view: IssueView }) {
  const jobs = await failedJobs(view.params.jobsPage);
  return (
    <IssueSection
      id="failed-jobs"
      title="Failed jobs"
      description={
        <>
          Jobs that failed after their last attempt and have not been retried. Resolve: retry once the cause is fixed.
        </>
      }
      caption="Failed jobs, newest first"
      columns={["Job", "Customer", "Attempts", "Error", "Action"]}
      minWidth="44rem"
      testId="failed-jobs"
      emptyText="No failed jobs."
      rows={jobs.rows}
      pager={issuePager(view, "jobsPage", jobs, "Failed jobs", "failed-jobs")}
      rowKey={(j) => j.id}
      rowHeader={(j) => (
        <>
          {humanize(j.kind)}
          <div className="text-xs text-slate-500">
            failed <Time value={j.finishedAt ?? j.createdAt} />
          </div>
        </>
      )}
      cells={(j) => (
        <>
          <CustomerCell id={j.customerId} name={j.customerName} />
          <td className={`${td} tabular-nums`}>
            {j.attempts} of {j.maxAttempts}
          </td>
          <td className={`${td} text-xs text-red-800`}>{j.lastError}</td>
          <td className="py-2 align-top">
            {mayOperateJob(view.role, j.kind, "retry") ? (
              <ActionForm
                action={retryJobAction}
                fields={{ jobId: j.id }}
                label="Retry"
                labelDetail={`${humanize(j.kind).toLowerCase()} job${j.customerName ? ` of ${j.customerName}` : ""}`}
              />
            ) : (
              "Ask an operator to retry it"
            )}
          </td>
        </>
      )}
    />
  );
}

export async function RefusedKeysSection({ view }: { view: IssueView }) {
  const keys = await keyFailures(view.params.keysPage);
  return (
    <IssueSection
      id="keys"
      title="Customers whose keys LinkedIn refuses"
      description={
        <>
          LinkedIn answered 401 or refused the token request. Resolve: an operator replaces the keys, which re-checks
          them at once.
        </>
      }
      caption="Customers whose keys LinkedIn refuses"
      columns={["Customer", "API key", "Problem", "Action"]}
      minWidth="40rem"
      emptyText="Every customer’s keys work."
      rows={keys.rows}
      pager={issuePager(view, "keysPage", keys, "Customers with refused keys", "keys")}
      rowKey={(k) => k.customerId}
      rowHeader={(k) => <CustomerLink id={k.customerId} name={k.customerName} />}
      cells={(k) => (
        <>
          <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
          <td className={`${td} text-xs text-red-800`}>
            {k.lastAuthError}
            <div className="text-slate-500">
              <Time value={k.lastAuthErrorAt} />
            </div>
          </td>
          <td className="py-2 align-top text-sm">
            {view.role === "OPERATOR" ? (
              <Link href={`/console/customers/${k.customerId}/settings`} className="text-blue-800 underline">
                Replace the keys<span className="sr-only"> of {k.customerName}</span>
              </Link>
            ) : (
              "Ask an operator to replace the keys"
            )}
          </td>
        </>
      )}
    />
  );
}

export async function UnfinishedRollsSection({ view }: { view: IssueView }) {
  const rolls = await overdueSecretRolls(view.params.rollsPage);
  return (
    <SecretRollsSection
      rows={rolls.rows}
      customerLink={(r) => <CustomerLink id={r.customerId} name={r.customerName} />}
      pager={issuePager(view, "rollsPage", rolls, "Secret rotations that did not finish", "secret-rolls")}
    />
  );
}

export async function HeldUntilMidnightSection({ view }: { view: IssueView }) {
  const holds = await dailyLimitHolds(view.params.holdsPage);
  return (
    <DailyHoldsSection
      rows={holds.rows}
      customerLink={(h) => <CustomerLink id={h.customerId} name={h.customerName} />}
      pager={issuePager(view, "holdsPage", holds, "Customers held until midnight UTC", "daily-holds")}
    />
  );
}
