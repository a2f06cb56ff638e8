// One customer's timeline for support (issue 22 point 4): every kind of record in one list, newest first.
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { TIMELINE_KIND_LABEL, type TimelineEntry } from "@/lib/support/timeline-kinds";

const td = "py-2 pr-4 align-top";

export function TimelineTable({ rows }: { rows: TimelineEntry[] }) {
  return (
    <Table
      caption="What happened for this customer, newest first"
      columns={["When", "Kind", "What", "Details"]}
      minWidth="48rem"
      testId="timeline"
      empty={{ when: rows.length === 0, text: "Nothing recorded for this customer with these filters." }}
    >
      {rows.map((e) => (
        <tr key={`${e.kind}:${e.id}`} className="border-b border-slate-100" data-kind={e.kind}>
          <td className={`${td} whitespace-nowrap`}>
            <Time value={e.at} seconds />
          </td>
          <td className={td}>{TIMELINE_KIND_LABEL[e.kind]}</td>
          <th scope="row" className={`${td} text-left font-normal`}>
            {e.title}
          </th>
          <td className={`${td} break-words text-slate-700`}>{e.detail ?? ""}</td>
        </tr>
      ))}
    </Table>
  );
}
