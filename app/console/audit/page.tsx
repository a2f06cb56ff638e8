import type { Metadata } from "next";
import { Suspense } from "react";
import { FilterForm, filterField, FilterInput } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { AuditTable } from "@/components/console/audit-table";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { type AuditFilter, knownAuditActions, listAudit } from "@/lib/support/audit";
import { parseAuditParams, type SearchParams } from "@/lib/support/filters";

export const metadata: Metadata = { title: "Audit log" };

/** The actions the log holds, offered as the Action field's suggestions once they are read. */
async function AuditActions() {
  const actions = await knownAuditActions();
  return (
    <datalist id="audit-actions">
      {actions.map((a) => (
        <option key={a} value={a} />
      ))}
    </datalist>
  );
}

/** The entries matching the filter, their count and their pages. */
async function AuditEntries({ filter, page }: { filter: AuditFilter; page: number }) {
  const entries = await listAudit(filter, page);
  const query: Record<string, string | undefined> = { ...filter, page: page > 1 ? String(page) : undefined };
  return (
    <>
      <p role="status" className="text-sm text-slate-700">
        {entries.total.toLocaleString("en-US")} entr{entries.total === 1 ? "y" : "ies"}.
      </p>
      <AuditTable rows={entries.rows} />
      <Pagination basePath="/console/audit" query={query} param="page" list={entries} label="Audit entries" />
    </>
  );
}

// Issue #6: who did what, when, to which customer; filterable and paged in SQL. Issue 21 (point 1): the filter is
// sent at once; the entries and the action suggestions stream in.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageActor(STAFF_ROLES, "/console/audit");
  const params = parseAuditParams(await searchParams);
  const { page, ...filter } = params;
  const field = (name: keyof AuditFilter) => filterField("audit", filter, name);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <FilterForm label="Filter the audit log" action="/console/audit" columns={6} clearHref="/console/audit">
        <FilterInput {...field("customer")} label="Customer" placeholder="Name or customer id" />
        <FilterInput {...field("actor")} label="Who" placeholder="Email or token name" />
        <FilterInput {...field("action")} label="Action" list="audit-actions" placeholder="e.g. job.retried" />
        <Suspense fallback={null}>
          <AuditActions />
        </Suspense>
        <FilterInput {...field("from")} label="From (UTC)" type="date" />
        <FilterInput {...field("to")} label="To (UTC)" type="date" />
      </FilterForm>
      <StreamedSection id="audit-entries" title="Audit entries" lines={6}>
        <AuditEntries filter={filter} page={page} />
      </StreamedSection>
    </div>
  );
}
