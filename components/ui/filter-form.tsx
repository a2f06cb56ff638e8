// A console list's filter or search (issues #6, #13: one form for the overview, the audit log, customers and
// people): a plain GET form, so every filtered view is a link to share (and the CSV export reuses it).
import Link from "next/link";

const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
const COLUMNS = {
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-3",
  5: "sm:grid-cols-2 lg:grid-cols-5",
  6: "sm:grid-cols-2 lg:grid-cols-6",
};

export function FilterForm({
  label,
  action,
  columns,
  submitLabel = "Apply filters",
  clearHref,
  card = true,
  children,
}: {
  /** Names the search landmark. */
  label: string;
  action: string;
  /** Fields plus the button cell, on a wide screen. */
  columns: keyof typeof COLUMNS;
  submitLabel?: string;
  /** A "Clear" link back to the unfiltered list. */
  clearHref?: string;
  /** Framed as a card of its own (off inside a card section). */
  card?: boolean;
  children: React.ReactNode;
}) {
  const frame = card ? "rounded-lg border border-slate-200 bg-white p-4" : "";
  return (
    <search aria-label={label}>
      <form method="get" action={action} className={`grid grid-cols-1 gap-3 ${COLUMNS[columns]} ${frame}`}>
        {children}
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
          >
            {submitLabel}
          </button>
          {clearHref ? (
            <Link href={clearHref} className="text-sm text-blue-800 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}

type FieldProps = { id: string; label: string; name: string; defaultValue?: string };

/** A filter field's id (the form's prefix and the field's name), name and value now, from the filter the list shows. */
export function filterField<N extends string>(prefix: string, filter: Partial<Record<N, string>>, name: N) {
  return { id: `${prefix}-${name}`, name, defaultValue: filter[name] ?? "" };
}

/** A text field of a FilterForm (type "search" unless given). */
export function FilterInput({
  id,
  label,
  type = "search",
  ...input
}: FieldProps & { type?: "search" | "date"; placeholder?: string; list?: string }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} type={type} className={fieldClass} {...input} />
    </div>
  );
}

/** A choice of a FilterForm: [value, words] pairs, in order. */
export function FilterSelect({
  id,
  label,
  options,
  ...select
}: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} className={fieldClass} {...select}>
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}
