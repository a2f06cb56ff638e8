// The frame every support table shares: a scroll region (wide tables scroll inside it on a tablet,
// not the page; focusable and named by the caption so a keyboard reaches it), a caption for screen
// readers and one header row; the caller renders the body rows.
import { ScrollRegion } from "@/components/layout/scroll-region";

const MIN_WIDTH = { "40rem": "min-w-[40rem]", "44rem": "min-w-[44rem]", "48rem": "min-w-[48rem]" } as const;

export function SupportTable({
  caption,
  columns,
  minWidth,
  testId,
  className = "",
  children,
}: {
  /** Read by screen readers; it also names the scroll region. */
  caption: string;
  /** Header labels; a falsy entry drops its column (e.g. `showCustomer && "Customer"`). */
  columns: (string | false | null | undefined)[];
  minWidth: keyof typeof MIN_WIDTH;
  testId?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const labels = columns.filter((c): c is string => Boolean(c));
  return (
    <ScrollRegion label={caption} className={className}>
      <table className={`w-full ${MIN_WIDTH[minWidth]} text-left text-sm`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            {labels.map((label, i) => (
              <th
                key={label}
                scope="col"
                className={i < labels.length - 1 ? "py-2 pr-4 font-medium" : "py-2 font-medium"}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
