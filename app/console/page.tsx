import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewFilters } from "@/components/console/overview-filters";
import { AfterFirstByte, StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { filterQuery, hasIntegrationFilter, parseOverviewParams, type SearchParams } from "@/lib/support/filters";
import {
  ChangesSection,
  FilterSummary,
  FlowFunnel,
  FiltersWithDataTypes,
  IntegrationsSection,
  knownTypes,
  type OverviewView,
  StagesSection,
  TimeToEnable,
} from "./overview-sections";

export const metadata: Metadata = { title: "Overview" };

// Issue #6: where every customer's onboarding stands, under one filter; every figure comes from SQL. Issue 21
// (point 1): the heading and the filter are sent at once (the filter offers the known types until the data's are
// read), and each section streams in behind its own Suspense boundary.
export default async function ConsoleOverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageActor(STAFF_ROLES, "/console");
  const params = parseOverviewParams(await searchParams);
  const filter = { customer: params.customer, type: params.type, status: params.status, errors: params.errors };
  const view: OverviewView = {
    filter,
    page: params.page,
    changesPage: params.changesPage,
    query: {
      ...filterQuery(filter),
      ...(params.page > 1 ? { page: String(params.page) } : {}),
      ...(params.changesPage > 1 ? { changesPage: String(params.changesPage) } : {}),
    },
  };
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

      <Suspense fallback={<OverviewFilters filter={filter} types={knownTypes()} />}>
        <AfterFirstByte>
          <FiltersWithDataTypes filter={filter} />
        </AfterFirstByte>
      </Suspense>
      {filtered ? (
        <Suspense fallback={null}>
          <AfterFirstByte>
            <FilterSummary view={view} />
          </AfterFirstByte>
        </Suspense>
      ) : null}
      <StreamedSection id="stages" title="Customers by stage">
        <StagesSection view={view} />
      </StreamedSection>
      <StreamedSection id="flow-funnel" title="Onboarding flow">
        <FlowFunnel />
      </StreamedSection>
      <StreamedSection id="time-to-enable" title="Time to enable">
        <TimeToEnable />
      </StreamedSection>
      <StreamedSection id="changes" title="Changed in the last 24 hours">
        <ChangesSection view={view} />
      </StreamedSection>
      <StreamedSection id="integrations" title="Integrations">
        <IntegrationsSection view={view} />
      </StreamedSection>
    </div>
  );
}
