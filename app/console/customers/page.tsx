import type { Metadata } from "next";
import Link from "next/link";
import { OperatorKeyStatus } from "@/components/console/operator-key-status";
import { Pagination } from "@/components/console/pagination";
import { ScrollRegion } from "@/components/layout/scroll-region";
import { requirePageActor } from "@/lib/auth/guard";
import { pageNumber } from "@/lib/pagination/page-number";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listCustomers } from "@/lib/customers/queries";

export const metadata: Metadata = { title: "Customers" };

type Search = { q?: string; archived?: string; page?: string };

const ARCHIVED_CHOICES = { active: "Active", archived: "Archived", all: "All" } as const;

// Staff see every customer; only operators get the links that change anything (issue #6).
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console/customers");
  const sp = await searchParams;
  const archived = sp.archived === "archived" || sp.archived === "all" ? sp.archived : "active";
  const page = pageNumber.parse(sp.page);
  const result = await listCustomers({ search: sp.q, archived, page });
  const isOperator = actor.role === "OPERATOR";
  return (
    <section aria-labelledby="customers-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="customers-heading" className="text-2xl font-semibold">
          Customers
        </h1>
        {isOperator ? (
          <div className="flex gap-2">
            <Link
              href="/console/customers/import"
              className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Import existing keys
            </Link>
            <Link
              href="/console/customers/new"
              className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
            >
              New customer
            </Link>
          </div>
        ) : null}
      </div>
      <search aria-label="Customers">
        <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="customer-search" className="block text-sm font-medium">
              Search
            </label>
            <input
              id="customer-search"
              name="q"
              defaultValue={sp.q}
              placeholder="Name, customer id or API key"
              className="mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </div>
          <div>
            <label htmlFor="customer-archived" className="block text-sm font-medium">
              Show
            </label>
            <select
              id="customer-archived"
              name="archived"
              defaultValue={archived}
              className="mt-1 rounded border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {Object.entries(ARCHIVED_CHOICES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Search
          </button>
        </form>
      </search>
      <p className="mt-4 text-sm text-slate-600" role="status" aria-live="polite">
        {result.total === 1 ? "1 customer" : `${result.total} customers`}
        {sp.q ? ` matching “${sp.q}”` : ""}
      </p>
      <ScrollRegion label="Customers, sorted by name" className="mt-2 rounded border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Customers, sorted by name</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Customer id
              </th>
              <th scope="col" className="px-3 py-2">
                LinkedIn keys
              </th>
              <th scope="col" className="px-3 py-2">
                Integrations
              </th>
              {isOperator ? (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link href={`/console/customers/${c.id}`} className="font-medium text-blue-800 hover:underline">
                    {c.displayName}
                  </Link>
                  {c.archivedAt ? (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">Archived</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{c.foreignId}</td>
                <td className="px-3 py-2">
                  <OperatorKeyStatus application={c.application} />
                </td>
                <td className="px-3 py-2">{c.integrationCount}</td>
                {isOperator ? (
                  <td className="px-3 py-2 text-right">
                    <Link href={`/console/customers/${c.id}/settings`} className="text-blue-800 hover:underline">
                      Settings<span className="sr-only"> of {c.displayName}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
            {result.rows.length === 0 ? (
              <tr>
                <td colSpan={isOperator ? 5 : 4} className="px-3 py-6 text-center text-slate-600">
                  No customers match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination
        basePath="/console/customers"
        query={{ q: sp.q, archived: archived === "active" ? undefined : archived }}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        label="Customers"
      />
    </section>
  );
}
