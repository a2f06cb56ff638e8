import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button-styles";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { StreamedSection } from "@/components/layout/streamed-section";
import { ArchivedBadge, KeyStatusBadge } from "@/components/console/status-badge";
import { Table } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/guard";
import { pageNumber } from "@/lib/pagination/page-number";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listCustomers } from "@/lib/customers/queries";

export const metadata: Metadata = { title: "Customers" };

type Search = { q?: string; archived?: string; page?: string };

const ARCHIVED_CHOICES = { active: "Active", archived: "Archived", all: "All" } as const;

/** The customers matching the search, their count and their pages: streamed in after the search form. */
async function CustomerList({
  search,
  archived,
  page,
  isOperator,
}: {
  search: string | undefined;
  archived: keyof typeof ARCHIVED_CHOICES;
  page: number;
  isOperator: boolean;
}) {
  const result = await listCustomers({ search, archived, page });
  return (
    <>
      <p className="mt-4 text-sm text-slate-600" role="status" aria-live="polite">
        {result.total === 1 ? "1 customer" : `${result.total} customers`}
        {search ? ` matching “${search}”` : ""}
      </p>
      <Table
        caption="Customers, sorted by name"
        columns={["Name", "Customer id", "LinkedIn keys", "Integrations", isOperator && { hidden: "Actions" }]}
        className="mt-2"
        empty={{ when: result.rows.length === 0, text: "No customers match." }}
      >
        {result.rows.map((c) => (
          <tr key={c.id} className="border-b border-slate-100 align-top">
            <td className="py-2 pr-4">
              <Link href={`/console/customers/${c.id}`} className="font-medium text-blue-800 hover:underline">
                {c.displayName}
              </Link>
              {c.archivedAt ? <ArchivedBadge /> : null}
            </td>
            <td className="py-2 pr-4 font-mono text-xs">{c.foreignId}</td>
            <td className="py-2 pr-4">
              <KeyStatusBadge application={c.application} />
            </td>
            <td className="py-2 pr-4">{c.integrationCount}</td>
            {isOperator ? (
              <td className="py-2 text-right">
                <Link href={`/console/customers/${c.id}/settings`} className="text-blue-800 hover:underline">
                  Settings<span className="sr-only"> of {c.displayName}</span>
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
      <Pagination
        basePath="/console/customers"
        query={{ q: search, archived: archived === "active" ? undefined : archived }}
        list={result}
        label="Customers"
      />
    </>
  );
}

// Staff see every customer; only operators get the links that change anything (issue #6). Issue 21 (point 1): the
// search form is sent at once, the list streams in.
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console/customers");
  const sp = await searchParams;
  const archived = sp.archived === "archived" || sp.archived === "all" ? sp.archived : "active";
  const page = pageNumber.parse(sp.page);
  const isOperator = actor.role === "OPERATOR";
  return (
    <section aria-labelledby="customers-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="customers-heading" className="text-2xl font-semibold">
          Customers
        </h1>
        {isOperator ? (
          <div className="flex gap-2">
            <Link href="/console/customers/import" className={secondaryButtonClass}>
              Import existing keys
            </Link>
            <Link href="/console/customers/new" className={primaryButtonClass}>
              New customer
            </Link>
          </div>
        ) : null}
      </div>
      <div className="mt-4">
        <FilterForm label="Customers" action="/console/customers" columns={3} submitLabel="Search">
          <FilterInput
            id="customer-search"
            label="Search"
            name="q"
            defaultValue={sp.q}
            placeholder="Name, customer id or API key"
          />
          <FilterSelect
            id="customer-archived"
            label="Show"
            name="archived"
            defaultValue={archived}
            options={Object.entries(ARCHIVED_CHOICES)}
          />
        </FilterForm>
      </div>
      <StreamedSection id="customer-list" title="Customers" lines={6}>
        <CustomerList search={sp.q} archived={archived} page={page} isOperator={isOperator} />
      </StreamedSection>
    </section>
  );
}
