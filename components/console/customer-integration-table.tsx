// One customer's integrations for staff (issue #6): status with its history, sync state, and a re-check.
import type { FormAction } from "@/lib/actions/state";
import type { CustomerIntegration } from "@/lib/support/customer";
import { ActionForm } from "@/components/ui/action-form";
import { StateBadge, StatusBadge } from "./status-badge";
import { humanize, STATUS_LABELS, SYNC_STATE_WORDS } from "@/lib/status/vocabulary";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

const td = "py-2 pr-4 align-top";

export function CustomerIntegrationTable({
  rows,
  recheckAction,
}: {
  rows: CustomerIntegration[];
  /** Asks LinkedIn for one integration's status now (C19b). */
  recheckAction: FormAction;
}) {
  if (!rows.length)
    return <p className="text-sm text-slate-600">This customer has not requested any integration yet.</p>;
  return (
    <Table
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
            <StatusBadge status={i.onboardingStatus} />
            <div className="text-xs text-slate-500">
              since <Time value={i.statusChangedAt} /> via {humanize(i.statusSource).toLowerCase()}
            </div>
            <div className="text-xs text-slate-500">
              last checked <Time value={i.lastCheckedAt} />
            </div>
          </td>
          <td className={`${td} text-xs`}>
            <div>
              Name <StateBadge words={SYNC_STATE_WORDS[i.nameSyncState]} /> ({i.nameSyncAttempts} attempt
              {i.nameSyncAttempts === 1 ? "" : "s"})
            </div>
            {i.nameSyncError ? <div className="text-red-800">{i.nameSyncError}</div> : null}
            <div className="mt-1">
              Configuration <StateBadge words={SYNC_STATE_WORDS[i.configSyncState]} />
            </div>
            {i.configSyncError ? <div className="text-red-800">{i.configSyncError}</div> : null}
          </td>
          <td className={`${td} text-xs`}>
            {i.history.length ? (
              <ol aria-label={`Status history of ${i.name}, newest first`} className="space-y-0.5">
                {i.history.map((h) => (
                  <li key={h.id}>
                    <Time value={h.createdAt} />: {h.fromStatus ? STATUS_LABELS[h.fromStatus] : "new"} →{" "}
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
            <ActionForm
              action={recheckAction}
              fields={{ integrationId: i.id }}
              label="Re-check now"
              pendingLabel="Asking LinkedIn…"
              labelDetail={`for ${i.name}`}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
