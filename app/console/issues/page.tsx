import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { firstValues, type SearchParams } from "@/lib/support/filters";
import { issueCustomerSchema, issueParamsSchema, type IssueView } from "./issue-view";
import {
  AnomaliesSection,
  FailedNotificationsSection,
  UnknownTypesSection,
} from "./sections/anomalies-and-notifications";
import {
  FailedJobsSection,
  HeldUntilMidnightSection,
  RefusedKeysSection,
  UnfinishedRollsSection,
} from "./sections/jobs-and-keys";
import { OpenIssueRecordsSection, ResolvedIssueRecordsSection } from "./sections/issue-records";
import { HeldByTwoCustomersSection, OldSecretsSection, StuckIntegrationsSection } from "./sections/secrets-and-stuck";

export const metadata: Metadata = { title: "Issues" };

type IssueKind = { id: string; label: string; Section: (props: { view: IssueView }) => Promise<ReactNode> };

// Each kind of issue, in the page's order: its anchor, the name its link and its loading state show, and the
// section that reads its own list.
const ISSUE_KINDS: IssueKind[] = [
  { id: "records", label: "Open issues", Section: OpenIssueRecordsSection },
  { id: "failed-jobs", label: "Failed jobs", Section: FailedJobsSection },
  { id: "keys", label: "Keys refused", Section: RefusedKeysSection },
  { id: "secret-rolls", label: "Rotations that did not finish", Section: UnfinishedRollsSection },
  { id: "daily-holds", label: "Held until midnight UTC", Section: HeldUntilMidnightSection },
  { id: "old-secrets", label: "Secrets to rotate", Section: OldSecretsSection },
  { id: "stuck", label: "Stuck integrations", Section: StuckIntegrationsSection },
  { id: "held-by-two", label: "Held by two customers", Section: HeldByTwoCustomersSection },
  { id: "anomalies", label: "Anomalies", Section: AnomaliesSection },
  { id: "failed-notifications", label: "Failed notifications", Section: FailedNotificationsSection },
  { id: "unknown-types", label: "Types Onramp does not know yet", Section: UnknownTypesSection },
  { id: "resolved-records", label: "Resolved issues", Section: ResolvedIssueRecordsSection },
];

// Issue #6: everything that needs a person, each with the action that resolves it. Issue 21 (point 1): the frame
// is sent at once and each list streams in behind its own Suspense boundary, so one slow list holds only itself.
export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console/issues");
  const query = firstValues(await searchParams);
  const view: IssueView = {
    role: actor.role,
    params: issueParamsSchema.parse(query),
    customerId: issueCustomerSchema.parse(query.customer),
  };

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Issues</h1>
        <p className="text-sm text-slate-600">Everything that needs a person, each with the action that resolves it.</p>
        {view.customerId ? (
          <p className="mt-1 text-sm" data-testid="issue-customer-filter">
            The open and resolved issue records below are this customer's only.{" "}
            <a href="/console/issues" className="text-blue-800 underline">
              Show every customer's
            </a>
          </p>
        ) : null}
        <nav aria-label="Issue sections" className="mt-2 flex flex-wrap gap-4 text-sm">
          {ISSUE_KINDS.map(({ id, label }) => (
            <a key={id} href={`#${id}`} className="text-blue-800 underline">
              {label}
            </a>
          ))}
        </nav>
      </header>

      {ISSUE_KINDS.map(({ id, label, Section }) => (
        <StreamedSection key={id} id={id} title={label}>
          <Section view={view} />
        </StreamedSection>
      ))}
    </div>
  );
}
