import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/console/pagination";
import { SupportAuditTable } from "@/components/console/support-audit-table";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { knownAuditActions, listAudit } from "@/lib/support/audit";
import { parseAuditParams, type SearchParams } from "@/lib/support/filters";

export const metadata: Metadata = { title: "Audit log" };

const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

// Issue #6: who did what, when, to which customer; filterable and paged in SQL.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageActor(STAFF_ROLES, "/console/audit");
  const params = parseAuditParams(await searchParams);
  const { page, ...filter } = params;
  const [entries, actions] = await Promise.all([listAudit(filter, page), knownAuditActions()]);
  const query: Record<string, string | undefined> = { ...filter, page: page > 1 ? String(page) : undefined };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <search aria-label="Filter the audit log">
        <form
          method="get"
          action="/console/audit"
          className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
        >
          <div>
            <label htmlFor="audit-customer" className="text-sm font-medium">
              Customer
            </label>
            <input
              id="audit-customer"
              name="customer"
              type="search"
              defaultValue={filter.customer ?? ""}
              placeholder="Name or customer id"
              className={fieldClass}
            />
          </div>
          <div>
            <label htmlFor="audit-actor" className="text-sm font-medium">
              Who
            </label>
            <input
              id="audit-actor"
              name="actor"
              type="search"
              defaultValue={filter.actor ?? ""}
              placeholder="Email or token name"
              className={fieldClass}
            />
          </div>
          <div>
            <label htmlFor="audit-action" className="text-sm font-medium">
              Action
            </label>
            <input
              id="audit-action"
              name="action"
              type="search"
              list="audit-actions"
              defaultValue={filter.action ?? ""}
              placeholder="e.g. job.retried"
              className={fieldClass}
            />
            <datalist id="audit-actions">
              {actions.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor="audit-from" className="text-sm font-medium">
              From (UTC)
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="audit-to" className="text-sm font-medium">
              To (UTC)
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={fieldClass} />
          </div>
          <div className="flex items-end gap-3">
            <button
              type="submit"
              className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
            >
              Apply filters
            </button>
            <Link href="/console/audit" className="text-sm text-blue-800 underline">
              Clear
            </Link>
          </div>
        </form>
      </search>
      <p role="status" className="text-sm text-slate-700">
        {entries.total.toLocaleString("en-US")} entr{entries.total === 1 ? "y" : "ies"}.
      </p>
      <SupportAuditTable rows={entries.rows} />
      <Pagination
        basePath="/console/audit"
        query={query}
        param="page"
        page={entries.page}
        pageCount={entries.pageCount}
        total={entries.total}
        label="Audit entries"
      />
    </div>
  );
}
