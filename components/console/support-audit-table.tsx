// Audit entries (issue #6): who did what, when, to which customer.
import Link from "next/link";
import { Table } from "@/components/console/table";
import { Time } from "@/components/console/time";
import type { AuditRow } from "@/lib/console/audit";

export function SupportAuditTable({ rows, showCustomer = true }: { rows: AuditRow[]; showCustomer?: boolean }) {
  if (!rows.length) return <p className="text-sm text-slate-600">No audit entries match.</p>;
  return (
    <Table
      caption="Audit log entries, newest first"
      columns={["When", "Who", "Action", "Target", showCustomer && "Customer", "Details"]}
      minWidth="44rem"
      testId="audit-list"
    >
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-slate-100 align-top">
          <td className="py-2 pr-4 whitespace-nowrap">
            <Time value={r.createdAt} />
          </td>
          <td className="py-2 pr-4 break-all">{r.actorLabel}</td>
          <td className="py-2 pr-4 font-mono text-xs">{r.action}</td>
          <td className="py-2 pr-4 text-xs">
            {r.targetType}
            {r.targetId ? <div className="break-all text-slate-500">{r.targetId}</div> : null}
          </td>
          {showCustomer ? (
            <td className="py-2 pr-4">
              {r.customerId ? (
                <Link className="text-blue-800 underline" href={`/console/customers/${r.customerId}`}>
                  {r.customerName ?? r.customerId}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </td>
          ) : null}
          <td className="py-2 font-mono text-xs break-all">
            {r.details === null || r.details === undefined ? "" : JSON.stringify(r.details)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
