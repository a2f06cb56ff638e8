// Audit entries (issue #6) as sentences (issue #13): who did what, when, to which customer; the raw
// entry (action code, target, details) one click away in a <details>.
import Link from "next/link";
import type { AuditRow } from "@/lib/support/audit";
import { auditSentence } from "./audit-sentence";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

export function AuditTable({ rows, showCustomer = true }: { rows: AuditRow[]; showCustomer?: boolean }) {
  return (
    <Table
      caption="Audit log entries, newest first"
      columns={["When", "What happened", showCustomer && "Customer"]}
      minWidth="44rem"
      testId="audit-list"
      empty={{ when: !rows.length, text: "No audit entries match." }}
    >
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-slate-100 align-top">
          <td className="py-2 pr-4 whitespace-nowrap">
            <Time value={r.createdAt} />
          </td>
          <td className="py-2 pr-4">
            <p className="break-words">{auditSentence(r, { withCustomer: false })}</p>
            <details className="mt-1 text-xs text-slate-600">
              <summary className="cursor-pointer text-blue-800">
                Raw entry<span className="sr-only"> of this {r.action} entry</span>
              </summary>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
                <dt className="font-medium">Action</dt>
                <dd className="font-mono">{r.action}</dd>
                <dt className="font-medium">Who</dt>
                <dd className="break-all">{r.actorLabel}</dd>
                <dt className="font-medium">Target</dt>
                <dd className="break-all">
                  {r.targetType}
                  {r.targetId ? ` ${r.targetId}` : ""}
                </dd>
                <dt className="font-medium">Details</dt>
                <dd className="font-mono break-all">
                  {r.details === null || r.details === undefined ? "none" : JSON.stringify(r.details)}
                </dd>
              </dl>
            </details>
          </td>
          {showCustomer ? (
            <td className="py-2">
              {r.customerId ? (
                <Link className="text-blue-800 underline" href={`/console/customers/${r.customerId}`}>
                  {r.customerName ?? r.customerId}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
