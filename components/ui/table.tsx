// The frame every console table shares (issue #13: one for operator and support pages): a scroll region
// (wide tables scroll inside it on a tablet, not the page; focusable and named by the caption so a
// keyboard reaches it), a caption for screen readers and one header row; the caller renders the rows.
import { ScrollRegion } from "@/components/layout/scroll-region";

const MIN_WIDTH = { "40rem": "min-w-[40rem]", "44rem": "min-w-[44rem]", "48rem": "min-w-[48rem]" } as const;

export function Table({
  caption,
  columns,
  minWidth = "40rem",
  testId,
  className = "",
  empty,
  children,
}: {
  /** Read by screen readers; it also names the scroll region. */
  caption: string;
  /** Header labels; a falsy entry drops its column (e.g. `showCustomer && "Customer"`). A label in
   * `{ hidden }` is read by screen readers only (an actions column). */
  columns: (string | { hidden: string } | false | null | undefined)[];
  minWidth?: keyof typeof MIN_WIDTH;
  testId?: string;
  className?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: { when: boolean; text: React.ReactNode };
  children: React.ReactNode;
}) {
  if (empty?.when) return <p className={`text-sm text-slate-600 ${className}`}>{empty.text}</p>;
  const labels = columns.filter((c): c is string | { hidden: string } => Boolean(c));
  return (
    <ScrollRegion label={caption} className={className}>
      <table className={`w-full ${MIN_WIDTH[minWidth]} text-left text-sm`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            {labels.map((label, i) => (
              <th
                key={typeof label === "string" ? label : label.hidden}
                scope="col"
                className={i < labels.length - 1 ? "py-2 pr-4 font-medium" : "py-2 font-medium"}
              >
                {typeof label === "string" ? label : <span className="sr-only">{label.hidden}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
