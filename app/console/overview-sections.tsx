// The overview's sections (issue #6), each an async server component that awaits its own figures, so the page's
// frame and its filter are sent at once and each section streams in behind its own Suspense boundary (issue 21,
// point 1). Two sections share a list (the summary line and the stages, the summary line and the table): React's
// per-request cache reads it once.
import Link from "next/link";
import { cache } from "react";
import { OverviewFilters } from "@/components/console/overview-filters";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { StageCards } from "@/components/console/stage-cards";
import { StageFunnel } from "@/components/console/stage-funnel";
import { FlowFunnelTable } from "@/components/console/flow-steps";
import { flowFunnel } from "@/lib/onboarding-flow/funnel";
import { StateBadge, StatusBadge } from "@/components/console/status-badge";
import { humanize, STATUS_LABELS, SYNC_STATE_WORDS } from "@/lib/status/vocabulary";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { TimeToEnableSection } from "@/components/console/time-to-enable";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";
import { filterQuery, type IntegrationFilter } from "@/lib/support/filters";
import {
  funnelSteps,
  knownIntegrationTypes,
  listIntegrations,
  recentChanges,
  stageCounts,
} from "@/lib/support/overview";
import { timeToEnableByCustomer, timeToEnableOverall } from "@/lib/support/time-to-enable";

/** What the overview's sections are drawn for: the filter, the pages of its two lists and the links' query. */
export type OverviewView = {
  filter: IntegrationFilter;
  page: number;
  changesPage: number;
  query: Record<string, string>;
};

const countsOf = cache(stageCounts);
const integrationsOf = cache(listIntegrations);

/** The filter's type choices: the known types at once, those only the data knows once they are read. */
export function knownTypes(extra: string[] = []): string[] {
  return [...new Set([...INTEGRATION_TYPES, ...extra])].sort();
}

export async function FiltersWithDataTypes({ filter }: { filter: IntegrationFilter }) {
  return <OverviewFilters filter={filter} types={knownTypes(await knownIntegrationTypes())} />;
}

export async function FilterSummary({ view }: { view: OverviewView }) {
  const [counts, integrations] = await Promise.all([countsOf(view.filter), integrationsOf(view.filter, view.page)]);
  return (
    <p role="status" className="text-sm text-slate-700" data-testid="filter-summary">
      Showing {integrations.total.toLocaleString("en-US")} matching integration{integrations.total === 1 ? "" : "s"} of{" "}
      {counts.customers.toLocaleString("en-US")} customer{counts.customers === 1 ? "" : "s"}.
    </p>
  );
}

export async function StagesSection({ view }: { view: OverviewView }) {
  const counts = await countsOf(view.filter);
  const hrefFor = (patch: Record<string, string>) =>
    `/console?${new URLSearchParams({ ...filterQuery(view.filter), ...patch }).toString()}`;
  return (
    <Section id="stages" title="Customers by stage">
      <div className="space-y-4">
        <StageCards counts={counts} hrefFor={hrefFor} />
        <StageFunnel steps={funnelSteps(counts)} />
      </div>
    </Section>
  );
}

/** Issue 22 point 3: the admins' onboarding flow across customers (every customer, whatever the filter). */
export async function FlowFunnel() {
  const steps = await flowFunnel();
  return (
    <Section id="flow-funnel" title="Onboarding flow">
      <FlowFunnelTable steps={steps} />
    </Section>
  );
}

export async function TimeToEnable() {
  const [overall, customers] = await Promise.all([timeToEnableOverall(), timeToEnableByCustomer(10)]);
  return (
    <Section id="time-to-enable" title="Time to enable">
      <TimeToEnableSection overall={overall} customers={customers} />
    </Section>
  );
}

export async function ChangesSection({ view }: { view: OverviewView }) {
  const changes = await recentChanges(view.filter, view.changesPage);
  return (
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
        query={view.query}
        param="changesPage"
        list={changes}
        label="Recent changes"
        anchor="changes"
      />
    </Section>
  );
}

/** One of an integration's syncs, when it failed, with LinkedIn's reason. */
function FailedSync({ sync, state, error }: { sync: string; state: string; error: string | null }) {
  if (state !== "FAILED") return null;
  return (
    <div>
      {sync} <StateBadge words={SYNC_STATE_WORDS.FAILED} />
      {error ? `: ${error}` : ""}
    </div>
  );
}

export async function IntegrationsSection({ view }: { view: OverviewView }) {
  const integrations = await integrationsOf(view.filter, view.page);
  const exportHref = `/api/console/integrations/export?${new URLSearchParams(filterQuery(view.filter)).toString()}`;
  return (
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
              <FailedSync sync="Name sync" state={i.nameSyncState} error={i.nameSyncError} />
              <FailedSync sync="Configuration sync" state={i.configSyncState} error={i.configSyncError} />
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
        query={view.query}
        list={integrations}
        label="Integrations"
        anchor="integrations"
      />
    </Section>
  );
}
