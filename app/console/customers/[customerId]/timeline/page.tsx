import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TimelineTable } from "@/components/console/timeline-table";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { CursorPagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requireCustomerPage } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { cursorParts } from "@/lib/pagination/cursor";
import { customerSummary } from "@/lib/support/customer";
import { firstValues, type SearchParams } from "@/lib/support/filters";
import { customerTimeline } from "@/lib/support/timeline";
import { TIMELINE_KIND_LABEL, TIMELINE_KINDS, type TimelineKind } from "@/lib/support/timeline-kinds";

export const metadata: Metadata = { title: "Customer timeline" };

// A filter or cursor that is not one of ours shows the whole, newest list rather than an error page.
const timelineParamsSchema = z.object({
  kind: z.enum(TIMELINE_KINDS).optional().catch(undefined),
  cursor: z
    .string()
    .refine((c) => cursorParts(c, 2) !== null)
    .optional()
    .catch(undefined),
});

async function TimelineSection(props: { customerId: string; kind?: TimelineKind; cursor?: string }) {
  const { customerId, kind, cursor } = props;
  const page = await customerTimeline(customerId, { kinds: kind ? [kind] : undefined, cursor });
  return (
    <Section id="timeline" title="Timeline">
      <TimelineTable rows={page.rows} />
      <CursorPagination
        basePath={`/console/customers/${customerId}/timeline`}
        query={{ kind }}
        current={cursor ?? null}
        next={page.nextCursor}
        label="Timeline"
      />
    </Section>
  );
}

// Issue 22 point 4: one customer's audit entries, status changes, jobs, notifications, emails and flow steps in one
// time-ordered list, filtered by kind and paged by cursor (lib/support/timeline.ts).
export default async function CustomerTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { customerId } = await params;
  await requireCustomerPage(customerId, STAFF_ROLES, `/console/customers/${customerId}/timeline`);
  const customer = await customerSummary(customerId);
  if (!customer) notFound();
  const { kind, cursor } = timelineParamsSchema.parse(firstValues(await searchParams));
  const basePath = `/console/customers/${customerId}`;
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href={basePath} className="text-blue-800 underline">
            {customer.displayName}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">What happened for {customer.displayName}</h1>
      </header>
      <FilterForm
        label="Timeline filters"
        action={`${basePath}/timeline`}
        columns={2}
        clearHref={`${basePath}/timeline`}
      >
        <FilterSelect
          id="timeline-kind"
          name="kind"
          label="Kind"
          defaultValue={kind ?? ""}
          options={[["", "Everything"], ...TIMELINE_KINDS.map((k) => [k, TIMELINE_KIND_LABEL[k]] as const)]}
        />
      </FilterForm>
      <StreamedSection key={`${kind}:${cursor}`} id="timeline" title="Timeline">
        <TimelineSection customerId={customerId} kind={kind} cursor={cursor} />
      </StreamedSection>
    </div>
  );
}
