import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { applicationOriginWords } from "@/lib/status/vocabulary";
import { Facts } from "@/components/ui/facts";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { SecretRollNote } from "@/components/console/secret-roll";
import { Time } from "@/components/ui/time";
import { requireCustomerPage } from "@/lib/auth/guard";
import { APPLY_CONNECT } from "@/lib/customers/easy-apply-terms";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { customerSummary } from "@/lib/support/customer";
import { firstValues, type SearchParams } from "@/lib/support/filters";
import { secretRollState } from "@/lib/support/secret-rolls";
import { triggerPollAction } from "../../actions";
import {
  AuditList,
  customerParamsSchema,
  type CustomerView,
  EmailsList,
  IntegrationsList,
  JobsList,
  LinkedInUsageToday,
  NotificationsList,
} from "./customer-sections";
import { FlowStepsList } from "./flow-sections";

export const metadata: Metadata = { title: "Customer" };

// Issue #6: one customer's onboarding for support: integrations and their history, jobs, notifications,
// LinkedIn usage and the audit log. Secrets are never selected (lib/support/customer.ts). Issue 21 (point 1): the
// header and the application's facts are sent at once (a 404 is still a 404); each list streams in on its own.
export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { customerId } = await params;
  const actor = await requireCustomerPage(customerId, STAFF_ROLES, `/console/customers/${customerId}`);
  const customer = await customerSummary(customerId);
  if (!customer) notFound();
  const view: CustomerView = {
    customerId,
    role: actor.role,
    params: customerParamsSchema.parse(firstValues(await searchParams)),
  };
  const basePath = `/console/customers/${customerId}`;
  const app = customer.application;
  const roll = app ? secretRollState(app) : null;
  const isOperator = actor.role === "OPERATOR";

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/console" className="text-blue-800 underline">
              Overview
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{customer.displayName}</h1>
          <p className="text-sm text-slate-600">
            Customer id {customer.foreignId}
            {customer.archivedAt ? (
              <>
                {" "}
                · archived <Time value={customer.archivedAt} />
              </>
            ) : null}
          </p>
          <p className="text-sm text-slate-600">
            Offered: {customer.offeredIntegrationTypes.join(", ") || "nothing yet"}
          </p>
          {customer.offeredIntegrationTypes.includes(APPLY_CONNECT) ? (
            <p className="text-sm text-slate-600" data-testid="support-easy-apply">
              LinkedIn Easy Apply (account level, set by the customer's admins):{" "}
              {customer.linkedInEasyApply ? "on" : "off"}
              {customer.linkedInEasyApplyChangedAt ? (
                <>
                  {" "}
                  · changed <Time value={customer.linkedInEasyApplyChangedAt} />
                </>
              ) : (
                " · never changed (the default)"
              )}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-3">
          {isOperator ? (
            <Link
              href={`${basePath}/settings`}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              Customer settings and keys
            </Link>
          ) : null}
          <ActionForm
            action={triggerPollAction}
            fields={{ customerId }}
            label="Run the fallback poll now"
            pendingLabel="Queuing the poll…"
            variant="primary"
          />
        </div>
      </header>

      <Section id="application" title="LinkedIn application" card>
        {app ? (
          <div className="space-y-3 text-sm">
            <Facts
              facts={[
                { term: "API key (client id)", value: app.clientId, mono: true },
                { term: "Keys", value: `${applicationOriginWords(app.origin)}; the secret is never shown.` },
                { term: "Keys last verified", value: <Time value={app.lastVerifiedAt} /> },
                {
                  term: "Key problems",
                  value: app.lastAuthError ? (
                    <span className="text-red-800" data-testid="auth-error">
                      {app.lastAuthError} (<Time value={app.lastAuthErrorAt} />)
                      {isOperator ? (
                        <>
                          {" "}
                          ·{" "}
                          <Link href={`${basePath}/settings`} className="underline">
                            replace the keys
                          </Link>
                        </>
                      ) : (
                        " · ask an operator to replace the keys"
                      )}
                    </span>
                  ) : (
                    "None: LinkedIn accepts the keys"
                  ),
                },
                roll ? { term: "Secret rotation", value: <SecretRollNote state={roll} /> } : null,
              ]}
            />
            <StreamedSection id="linkedin-usage" title="LinkedIn calls today" lines={2}>
              <LinkedInUsageToday application={app} />
            </StreamedSection>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            No LinkedIn application yet: an operator provisions one or enters its keys.
          </p>
        )}
      </Section>

      <StreamedSection id="flow-steps" title="Flow steps">
        <FlowStepsList view={view} />
      </StreamedSection>
      <StreamedSection id="integrations" title="Integrations">
        <IntegrationsList view={view} />
      </StreamedSection>
      <StreamedSection id="jobs" title="Jobs">
        <JobsList view={view} />
      </StreamedSection>
      <StreamedSection id="notifications" title="Notifications received">
        <NotificationsList view={view} />
      </StreamedSection>
      <StreamedSection id="emails" title="Emails">
        <EmailsList view={view} emailNudges={customer.emailNudges} />
      </StreamedSection>
      <StreamedSection id="audit" title="Audit log">
        <AuditList view={view} />
      </StreamedSection>
    </div>
  );
}
