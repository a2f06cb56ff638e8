import type { Metadata } from "next";
import Link from "next/link";
import { humanize } from "@/components/console/humanize";
import { Pagination } from "@/components/console/pagination";
import { Section } from "@/components/console/section";
import { StateBadge, StatusBadge } from "@/components/console/status-badge";
import { STATUS_LABELS } from "@/components/console/status-words";
import { StageFunnel } from "@/components/console/stage-funnel";
import { OverviewFilters } from "@/components/console/overview-filters";
import { StageCards } from "@/components/console/stage-cards";
import { TimeToEnableSection } from "@/components/console/time-to-enable";
import { Table } from "@/components/console/table";
import { Time } from "@/components/console/time";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { filterQuery, hasIntegrationFilter, parseOverviewParams, type SearchParams } from "@/lib/support/filters";
import {
  funnelSteps,
  knownIntegrationTypes,
  listIntegrations,
  recentChanges,
  stageCounts,
} from "@/lib/support/overview";
import { timeToEnableByCustomer, timeToEnableOverall } from "@/lib/support/time-to-enable";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";

export const metadata: Metadata = { title: "Overview" };

// Issue #6: where every customer's onboarding stands, under one filter; every figure comes from SQL.
export default async function ConsoleOverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageActor(STAFF_ROLES, "/console");
  const params = parseOverviewParams(await searchParams);
  const filter = { customer: params.customer, type: params.type, status: params.status, errors: params.errors };
  const [counts, integrations, changes, typesInData, enableOverall, enableByCustomer] = await Promise.all([
    stageCounts(filter),
    listIntegrations(filter, params.page),
    recentChanges(filter, params.changesPage),
    knownIntegrationTypes(),
    timeToEnableOverall(),
    timeToEnableByCustomer(10),
  ]);
  const types = [...new Set([...INTEGRATION_TYPES, ...typesInData])].sort();
  const query: Record<string, string> = {
    ...filterQuery(filter),
    ...(params.page > 1 ? { page: String(params.page) } : {}),
    ...(params.changesPage > 1 ? { changesPage: String(params.changesPage) } : {}),
  };
  const hrefFor = (patch: Record<string, string>) =>
    `/console?${new URLSearchParams({ ...filterQuery(filter), ...patch }).toString()}`;
  const exportHref = `/api/console/integrations/export?${new URLSearchParams(filterQuery(filter)).toString()}`;
  const filtered = Boolean(filter.customer) || hasIntegrationFilter(filter);

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Onboarding overview</h1>
        <p className="text-sm text-slate-600">
          A customer&apos;s stage is the least advanced status among its integrations
          {hasIntegrationFilter(filter) ? " that match the filter" : ""}.
        </p>
      </header>

      <OverviewFilters filter={filter} types={types} />
      {filtered ? (
        <p role="status" className="text-sm text-slate-700" data-testid="filter-summary">
          Showing {integrations.total.toLocaleString("en-US")} matching integration{integrations.total === 1 ? "" : "s"}{" "}
          of {counts.customers.toLocaleString("en-US")} customer{counts.customers === 1 ? "" : "s"}.
        </p>
      ) : null}

      <Section id="stages" title="Customers by stage">
        <div className="space-y-4">
          <StageCards counts={counts} hrefFor={hrefFor} />
          <StageFunnel steps={funnelSteps(counts)} />
        </div>
      </Section>

      <Section id="time-to-enable" title="Time to enable">
        <TimeToEnableSection overall={enableOverall} customers={enableByCustomer} />
      </Section>

      <Section
        id="changes"
        title="Changed in the last 24 hours"
        description={
          <>
            {changes.total.toLocaleString("en-US")} status change{changes.total === 1 ? "" : "s"} since{" "}
            <Time value={changes.since} />:{" "}
            {Object.entries(changes.byStatus)
              .map(
                ([s, n]) =>
                  `${n.toLocaleString("en-US")} to ${STATUS_LABELS[s as keyof typeof STATUS_LABELS].toLowerCase()}`,
              )
              .join(", ")}
            .
          </>
        }
      >
        {changes.rows.length ? (
          <Table
            caption="Status changes in the last 24 hours, newest first"
            columns={["When", "Customer", "Integration", "Change", "Source"]}
            minWidth="40rem"
          >
            {changes.rows.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <Time value={c.createdAt} />
                </td>
                <td className="py-2 pr-4">
                  <Link className="text-blue-800 underline" href={`/console/customers/${c.customerId}`}>
                    {c.customerName}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  {c.integrationName} <span className="text-slate-500">({c.integrationType})</span>
                </td>
                <td className="py-2 pr-4">
                  {c.fromStatus ? STATUS_LABELS[c.fromStatus] : "New"} → <StatusBadge status={c.toStatus} />
                </td>
                <td className="py-2">{humanize(c.source)}</td>
              </tr>
            ))}
          </Table>
        ) : null}
        <Pagination
          basePath="/console"
          query={query}
          param="changesPage"
          page={changes.page}
          pageCount={changes.pageCount}
          total={changes.total}
          label="Recent changes"
          anchor="changes"
        />
      </Section>

      <Section
        id="integrations"
        title="Integrations"
        actions={
          <a href={exportHref} className="text-sm text-blue-800 underline" download>
            Export these {integrations.total.toLocaleString("en-US")} integrations as CSV
          </a>
        }
      >
        <Table
          caption="Integrations matching the filter, most recently changed first"
          columns={["Customer", "Integration", "Type", "Status", "Since", "Errors"]}
          minWidth="48rem"
          testId="integration-list"
          empty={{ when: !integrations.rows.length, text: "No integrations match this filter." }}
        >
          {integrations.rows.map((i) => (
            <tr key={i.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-4">
                <Link className="text-blue-800 underline" href={`/console/customers/${i.customerId}`}>
                  {i.customerName}
                </Link>
                <div className="text-xs text-slate-500">{i.customerForeignId}</div>
              </td>
              <td className="py-2 pr-4">{i.name}</td>
              <td className="py-2 pr-4">
                {i.integrationType}
                <div className="text-xs text-slate-500">{i.tenantType}</div>
              </td>
              <td className="py-2 pr-4">
                <StatusBadge status={i.onboardingStatus} />
                <div className="text-xs text-slate-500">via {humanize(i.statusSource).toLowerCase()}</div>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                <Time value={i.statusChangedAt} />
              </td>
              <td className="py-2 text-xs">
                {i.nameSyncState === "FAILED" ? (
                  <div>
                    Name sync <StateBadge state="FAILED" />
                    {i.nameSyncError ? `: ${i.nameSyncError}` : ""}
                  </div>
                ) : null}
                {i.configSyncState === "FAILED" ? (
                  <div>
                    Configuration sync <StateBadge state="FAILED" />
                    {i.configSyncError ? `: ${i.configSyncError}` : ""}
                  </div>
                ) : null}
                {i.keysRefused ? <div className="text-red-800">LinkedIn refuses this customer&apos;s keys</div> : null}
                {i.nameSyncState !== "FAILED" && i.configSyncState !== "FAILED" && !i.keysRefused ? (
                  <span className="text-slate-500">None</span>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
        <Pagination
          basePath="/console"
          query={query}
          param="page"
          page={integrations.page}
          pageCount={integrations.pageCount}
          total={integrations.total}
          label="Integrations"
          anchor="integrations"
        />
      </Section>
    </div>
  );
}
