// Sections of the support customer page (issue #6): integrations with history, jobs, notifications.
// Server components; the buttons are SupportActionForm (client) bound to the support server actions.

import { SupportTable } from "@/components/console/support-table";
import {
  recheckIntegrationAction,
  replayNotificationAction,
  retryJobAction,
  retryNotificationAction,
} from "@/lib/console/actions";
import type { CustomerIntegration, CustomerJob, CustomerNotification, LinkedInUsage } from "@/lib/console/customer";
import { SupportActionForm } from "./support-action-form";
import { humanize, STATUS_LABELS, SupportStateBadge, SupportStatusBadge, SupportTime } from "./support-format";

const th = "py-2 pr-4 font-medium";
const td = "py-2 pr-4 align-top";

export function SupportIntegrationTable({ rows }: { rows: CustomerIntegration[] }) {
  if (!rows.length)
    return <p className="text-sm text-slate-600">This customer has not requested any integration yet.</p>;
  return (
    <SupportTable
      caption="Integrations with their status, sync state and history"
      columns={["Integration", "Status", "Sync", "History", "Action"]}
      minWidth="44rem"
    >
      {rows.map((i) => (
        <tr key={i.id} className="border-b border-slate-100" data-testid={`integration-${i.id}`}>
          <th scope="row" className={`${td} text-left font-normal`}>
            <div className="font-medium">{i.name}</div>
            <div className="text-xs text-slate-500">
              {i.integrationType} · {i.tenantType}
            </div>
            <div className="text-xs break-all text-slate-500">{i.integrationContext}</div>
          </th>
          <td className={td}>
            <SupportStatusBadge status={i.onboardingStatus} />
            <div className="text-xs text-slate-500">
              since <SupportTime value={i.statusChangedAt} /> via {humanize(i.statusSource).toLowerCase()}
            </div>
            <div className="text-xs text-slate-500">
              last checked <SupportTime value={i.lastCheckedAt} />
            </div>
          </td>
          <td className={`${td} text-xs`}>
            <div>
              Name <SupportStateBadge state={i.nameSyncState} /> ({i.nameSyncAttempts} attempt
              {i.nameSyncAttempts === 1 ? "" : "s"})
            </div>
            {i.nameSyncError ? <div className="text-red-800">{i.nameSyncError}</div> : null}
            <div className="mt-1">
              Configuration <SupportStateBadge state={i.configSyncState} />
            </div>
            {i.configSyncError ? <div className="text-red-800">{i.configSyncError}</div> : null}
          </td>
          <td className={`${td} text-xs`}>
            {i.history.length ? (
              <ol aria-label={`Status history of ${i.name}, newest first`} className="space-y-0.5">
                {i.history.map((h) => (
                  <li key={h.id}>
                    <SupportTime value={h.createdAt} />: {h.fromStatus ? STATUS_LABELS[h.fromStatus] : "new"} →{" "}
                    {STATUS_LABELS[h.toStatus]}{" "}
                    <span className="text-slate-600">
                      ({humanize(h.source).toLowerCase()}
                      {h.actorLabel ? ` by ${h.actorLabel}` : ""})
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <span className="text-slate-500">No changes recorded</span>
            )}
          </td>
          <td className="py-2 align-top">
            <SupportActionForm
              action={recheckIntegrationAction}
              fields={{ integrationId: i.id }}
              label="Re-check now"
              pendingLabel="Asking LinkedIn…"
              labelDetail={`for ${i.name}`}
            />
          </td>
        </tr>
      ))}
    </SupportTable>
  );
}

export function SupportJobTable({ rows }: { rows: CustomerJob[] }) {
  if (!rows.length) return <p className="text-sm text-slate-600">No jobs have run for this customer.</p>;
  return (
    <SupportTable
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
              created <SupportTime value={j.createdAt} />
            </div>
            {j.triggeredBy ? <div className="text-xs text-slate-500">by {j.triggeredBy}</div> : null}
          </th>
          <td className={td}>
            <SupportStateBadge state={j.status} />
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
            {j.status !== "RUNNING" ? (
              <SupportActionForm
                action={retryJobAction}
                fields={{ jobId: j.id }}
                label="Retry"
                pendingLabel="Queuing…"
                labelDetail={`${humanize(j.kind).toLowerCase()} job`}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </SupportTable>
  );
}

export function SupportNotificationTable({ rows }: { rows: CustomerNotification[] }) {
  if (!rows.length)
    return <p className="text-sm text-slate-600">No notifications received from LinkedIn for this customer.</p>;
  return (
    <SupportTable
      caption="Push notifications received, newest first"
      columns={["Notification", "Verdict", "Processing", "Error", "Actions"]}
      minWidth="44rem"
    >
      {rows.map((n) => (
        <tr key={n.id} className="border-b border-slate-100">
          <th scope="row" className={`${td} text-left font-normal`}>
            <div>{n.type}</div>
            <div className="text-xs break-all text-slate-500">id {n.linkedinId}</div>
            <div className="text-xs text-slate-500">
              received <SupportTime value={n.receivedAt} />
            </div>
            {n.expiresAt ? (
              <div className="text-xs text-slate-500">
                expires <SupportTime value={n.expiresAt} />
              </div>
            ) : null}
          </th>
          <td className={`${td} text-xs`}>
            <div>{n.signatureValid ? "Signature valid (C20)" : "Signature invalid"}</div>
            <div>
              {n.processingState === "PROCESSED"
                ? n.appliedCount
                  ? `Changed ${n.appliedCount} integration${n.appliedCount === 1 ? "" : "s"}`
                  : "Changed nothing (duplicate, C24)"
                : null}
            </div>
          </td>
          <td className={`${td} text-xs`}>
            <SupportStateBadge state={n.processingState} />
            <div>
              {n.attempts} attempt{n.attempts === 1 ? "" : "s"}
            </div>
            {n.processedAt ? (
              <div>
                done <SupportTime value={n.processedAt} />
              </div>
            ) : null}
          </td>
          <td className={`${td} text-xs text-red-800`}>{n.lastError ?? ""}</td>
          <td className="space-y-1 py-2 align-top">
            {n.processingState === "FAILED" ? (
              <SupportActionForm
                action={retryNotificationAction}
                fields={{ notificationId: n.id }}
                label="Retry"
                labelDetail={`notification ${n.linkedinId}`}
              />
            ) : null}
            {n.processingState !== "PENDING" && n.processingState !== "PROCESSING" ? (
              <SupportActionForm
                action={replayNotificationAction}
                fields={{ notificationId: n.id }}
                label="Replay"
                labelDetail={`notification ${n.linkedinId} through processing`}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </SupportTable>
  );
}

export function SupportLinkedInUsage({ usage }: { usage: LinkedInUsage }) {
  return (
    <div className="space-y-2 text-sm">
      {usage.holds.map((h) => (
        <p key={h.resource} role="status" data-testid="daily-limit-hold" className="font-semibold text-red-800">
          Daily limit spent on {h.resource}: this customer&apos;s calls to it are held until 00:00 UTC (
          <SupportTime value={h.heldUntil} />, C26, L17).{" "}
          {h.detectedBy === "budget"
            ? "Onramp's own count of today's calls reached the limit."
            : "LinkedIn answered that the daily limit is spent."}{" "}
          Jobs that hit the hold were re-queued to start then; nothing needs doing.
        </p>
      ))}
      <p>
        {usage.rateLimitedNow ? (
          <strong className="text-red-800">
            LinkedIn is rate-limiting this customer&apos;s application until{" "}
            <SupportTime value={usage.rateLimitedUntil} /> (C26).
          </strong>
        ) : (
          <span>
            Not rate-limited
            {usage.rateLimitedUntil ? (
              <>
                {" "}
                (last limit ended <SupportTime value={usage.rateLimitedUntil} />)
              </>
            ) : null}
            .
          </span>
        )}{" "}
        Counts reset at <SupportTime value={usage.resetsAt} />.
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
