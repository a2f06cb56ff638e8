// A customer's emails for support (issue 14): recipient, template, cause, status, attempts, the SMTP
// answer, and a resend button for one that was sent, failed or suppressed.

import { ActionForm } from "@/components/ui/action-form";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/lib/actions/state";
import type { CustomerEmail } from "@/lib/email/queries";
import { EMAIL_STATUS_WORDS, humanize } from "@/lib/status/vocabulary";
import { StateBadge } from "./status-badge";

const td = "py-2 pr-4 align-top";

export function EmailTable({
  rows,
  customerId,
  resendAction,
}: {
  rows: CustomerEmail[];
  customerId: string;
  resendAction: FormAction;
}) {
  if (!rows.length) return <p className="text-sm text-slate-600">No emails for this customer yet.</p>;
  return (
    <Table
      caption="Emails, newest first"
      columns={["Email", "To", "Status", "Attempts", "SMTP answer", "Action"]}
      minWidth="48rem"
      testId="email-list"
    >
      {rows.map((e) => (
        <tr key={e.id} className="border-b border-slate-100">
          <th scope="row" className={`${td} text-left font-normal`}>
            <div>{humanize(e.template)}</div>
            {e.subject ? <div className="text-xs text-slate-600">{e.subject}</div> : null}
            <div className="text-xs break-all text-slate-500">cause {e.cause}</div>
            <div className="text-xs text-slate-500">
              queued <Time value={e.createdAt} />
            </div>
          </th>
          <td className={`${td} text-xs break-all`}>{e.toAddress}</td>
          <td className={td}>
            <StateBadge words={EMAIL_STATUS_WORDS[e.status]} />
            {e.sentAt ? (
              <div className="text-xs text-slate-500">
                <Time value={e.sentAt} />
              </div>
            ) : null}
          </td>
          <td className={`${td} tabular-nums`}>{e.attempts}</td>
          <td className={`${td} text-xs`}>
            {e.smtpResponse ? <div className="break-all">{e.smtpResponse}</div> : null}
            {e.lastError ? <div className="text-red-800">{e.lastError}</div> : null}
          </td>
          <td className="py-2 align-top">
            {e.status === "QUEUED" || e.status === "SENDING" ? null : (
              <ActionForm
                action={resendAction}
                fields={{ emailId: e.id, customerId }}
                label="Resend"
                pendingLabel="Queuing…"
                labelDetail={`${humanize(e.template).toLowerCase()} to ${e.toAddress}`}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
