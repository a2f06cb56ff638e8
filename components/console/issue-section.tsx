// One kind of issue in the issues view (issue #6): its section, a table with a row per item (or a line when
// there is none) and its pages. Used for every list of that page.
import type { ComponentProps, ReactNode } from "react";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";

const td = "py-2 pr-4 align-top";

/** What a section drawn by a component of its own is given: its rows, a link to a customer (of the row, or of
 * `H`, one part of it) and its pages. */
export type IssueListProps<T, H = T> = { rows: T[]; customerLink: (row: H) => ReactNode; pager: ReactNode };

/** One kind of issue: its section, a table with a row per item (or a line when there is none) and its pages. */
export function IssueSection<T>({
  id,
  title,
  description,
  children,
  caption,
  columns,
  minWidth,
  testId,
  emptyText,
  rows,
  pager,
  rowKey,
  rowHeader,
  cells,
}: {
  id: string;
  title: string;
  description: ReactNode;
  /** Shown above the table (a form acting on the whole list). */
  children?: ReactNode;
  caption: string;
  columns: string[];
  minWidth: ComponentProps<typeof Table>["minWidth"];
  testId?: string;
  emptyText: string;
  rows: T[];
  /** The list's previous/next links. */
  pager: ReactNode;
  rowKey: (row: T) => string;
  /** What the row is about: its header cell. */
  rowHeader: (row: T) => ReactNode;
  /** The row's other cells. */
  cells: (row: T) => ReactNode;
}) {
  return (
    <Section id={id} title={title} description={description}>
      {children}
      <Table
        caption={caption}
        columns={columns}
        minWidth={minWidth}
        testId={testId}
        empty={{ when: !rows.length, text: emptyText }}
      >
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-slate-100">
            <th scope="row" className={`${td} text-left font-normal`}>
              {rowHeader(row)}
            </th>
            {cells(row)}
          </tr>
        ))}
      </Table>
      {pager}
    </Section>
  );
}
