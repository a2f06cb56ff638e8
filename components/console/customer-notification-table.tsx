// One customer's push notifications for staff (issue #5, #6): verdict, processing, retry and replay.
import type { FormAction } from "@/lib/actions/state";
import type { CustomerNotification } from "@/lib/support/customer";
import { ActionForm } from "@/components/ui/action-form";
import { NOTIFICATION_STATE_WORDS } from "@/lib/status/vocabulary";
import { StateBadge } from "./status-badge";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

const td = "py-2 pr-4 align-top";

export function CustomerNotificationTable({
  rows,
  retryAction,
  replayAction,
}: {
  rows: CustomerNotification[];
  retryAction: FormAction;
  replayAction: FormAction;
}) {
  if (!rows.length)
    return <p className="text-sm text-slate-600">No notifications received from LinkedIn for this customer.</p>;
  return (
    <Table
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
              received <Time value={n.receivedAt} />
            </div>
            {n.expiresAt ? (
              <div className="text-xs text-slate-500">
                expires <Time value={n.expiresAt} />
              </div>
            ) : null}
          </th>
          <td className={`${td} text-xs`}>
            <div>{n.signatureValid ? "Signature valid" : "Signature invalid"}</div>
            <div>
              {n.processingState === "PROCESSED"
                ? n.appliedCount
                  ? `Changed ${n.appliedCount} integration${n.appliedCount === 1 ? "" : "s"}`
                  : "Changed nothing (a repeat)"
                : null}
            </div>
          </td>
          <td className={`${td} text-xs`}>
            <StateBadge words={NOTIFICATION_STATE_WORDS[n.processingState]} />
            <div>
              {n.attempts} attempt{n.attempts === 1 ? "" : "s"}
            </div>
            {n.processedAt ? (
              <div>
                done <Time value={n.processedAt} />
              </div>
            ) : null}
          </td>
          <td className={`${td} text-xs text-red-800`}>{n.lastError ?? ""}</td>
          <td className="space-y-1 py-2 align-top">
            {n.processingState === "FAILED" ? (
              <ActionForm
                action={retryAction}
                fields={{ notificationId: n.id }}
                label="Retry"
                labelDetail={`notification ${n.linkedinId}`}
              />
            ) : null}
            {n.processingState !== "PENDING" && n.processingState !== "PROCESSING" ? (
              <ActionForm
                action={replayAction}
                fields={{ notificationId: n.id }}
                label="Replay"
                labelDetail={`notification ${n.linkedinId} through processing`}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}
