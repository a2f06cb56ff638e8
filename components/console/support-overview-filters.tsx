// The overview's filter: a plain GET form, so every filtered view is a link support can share and the
// CSV export can reuse (issue #6).
import Link from "next/link";
import { STATUS_LABELS } from "@/components/console/status-words";
import type { IntegrationFilter } from "@/lib/support/filters";

const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function SupportOverviewFilters({ filter, types }: { filter: IntegrationFilter; types: string[] }) {
  return (
    <search aria-label="Filter integrations">
      <form
        method="get"
        action="/console"
        className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <div>
          <label htmlFor="filter-customer" className="text-sm font-medium">
            Customer
          </label>
          <input
            id="filter-customer"
            name="customer"
            type="search"
            defaultValue={filter.customer ?? ""}
            placeholder="Name or customer id"
            className={fieldClass}
          />
        </div>
        <div>
          <label htmlFor="filter-type" className="text-sm font-medium">
            Integration type
          </label>
          <select id="filter-type" name="type" defaultValue={filter.type ?? ""} className={fieldClass}>
            <option value="">Any type</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="text-sm font-medium">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={fieldClass}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-errors" className="text-sm font-medium">
            Errors
          </label>
          <select id="filter-errors" name="errors" defaultValue={filter.errors ?? ""} className={fieldClass}>
            <option value="">With or without</option>
            <option value="with">With errors</option>
            <option value="without">Without errors</option>
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
          >
            Apply filters
          </button>
          <Link href="/console" className="text-sm text-blue-800 underline">
            Clear
          </Link>
        </div>
      </form>
    </search>
  );
}
