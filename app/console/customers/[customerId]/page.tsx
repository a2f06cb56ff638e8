import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/console/action-form";
import { applicationOrigin } from "@/components/console/application-origin";
import { CustomerIntegrationTable } from "@/components/console/customer-integration-table";
import { CustomerJobTable } from "@/components/console/customer-job-table";
import { CustomerNotificationTable } from "@/components/console/customer-notification-table";
import { Facts } from "@/components/console/facts";
import { LinkedInUsageTable } from "@/components/console/linkedin-usage";
import { Pagination } from "@/components/console/pagination";
import { Section } from "@/components/console/section";
import { SecretRollNote } from "@/components/console/secret-roll";
import { AuditTable } from "@/components/console/audit-table";
import { EmailTable } from "@/components/console/email-table";
import { Time } from "@/components/console/time";
import { requireCustomerPage } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { jobKindsFor } from "@/lib/jobs/permissions";
import { listAudit } from "@/lib/support/audit";
import {
  customerIntegrations,
  customerJobs,
  customerNotifications,
  customerSummary,
  linkedInUsage,
} from "@/lib/support/customer";
import { firstValues, type SearchParams } from "@/lib/support/filters";
import { secretRollState } from "@/lib/support/secret-rolls";
import { customerEmails } from "@/lib/email/queries";
import type { Page } from "@/lib/pagination/page";
import { pageNumber } from "@/lib/pagination/page-number";
import {
  recheckIntegrationAction,
  replayNotificationAction,
  retryJobAction,
  retryNotificationAction,
  triggerPollAction,
} from "../../actions";
import { resendEmailAction, setEmailNudgesAction } from "./actions";

export const metadata: Metadata = { title: "Customer" };

const paramsSchema = z.object({
  integrationsPage: pageNumber,
  jobsPage: pageNumber,
  notificationsPage: pageNumber,
  auditPage: pageNumber,
  emailsPage: pageNumber,
});
type PageParam = keyof z.infer<typeof paramsSchema>;

// Issue #6: one customer's onboarding for support: integrations and their history, jobs, notifications,
// LinkedIn usage and the audit log. Secrets are never selected (lib/support/customer.ts).
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
  const p = paramsSchema.parse(firstValues(await searchParams));
  const [integrations, jobs, notifications, audit, usage, emails] = await Promise.all([
    customerIntegrations(customerId, p.integrationsPage),
    customerJobs(customerId, p.jobsPage),
    customerNotifications(customerId, p.notificationsPage),
    listAudit({ customerId }, p.auditPage, 10),
    linkedInUsage(customer.application),
    customerEmails(customerId, p.emailsPage),
  ]);
  const basePath = `/console/customers/${customerId}`;
  const query = Object.fromEntries(
    Object.entries(p)
      .filter(([, v]) => v > 1)
      .map(([k, v]) => [k, String(v)]),
  );
  const pager = <T,>(param: PageParam, list: Page<T>, label: string, anchor: string) => (
    <Pagination
      basePath={basePath}
      query={query}
      param={param}
      page={list.page}
      pageCount={list.pageCount}
      total={list.total}
      label={label}
      anchor={anchor}
    />
  );
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
                { term: "Keys", value: `${applicationOrigin(app.origin)}; the secret is never shown.` },
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
            {usage ? (
              <div>
                <h3 className="font-medium">LinkedIn calls today</h3>
                <LinkedInUsageTable usage={usage} />
              </div>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            No LinkedIn application yet: an operator provisions one or enters its keys.
          </p>
        )}
      </Section>

      <Section id="integrations" title="Integrations">
        <CustomerIntegrationTable rows={integrations.rows} recheckAction={recheckIntegrationAction} />
        {pager("integrationsPage", integrations, "Integrations", "integrations")}
      </Section>

      <Section id="jobs" title="Jobs">
        <CustomerJobTable rows={jobs.rows} retryAction={retryJobAction} retryKinds={jobKindsFor(actor.role, "retry")} />
        {pager("jobsPage", jobs, "Jobs", "jobs")}
      </Section>

      <Section id="notifications" title="Notifications received">
        <CustomerNotificationTable
          rows={notifications.rows}
          retryAction={retryNotificationAction}
          replayAction={replayNotificationAction}
        />
        {pager("notificationsPage", notifications, "Notifications", "notifications")}
      </Section>

      <Section
        id="emails"
        title="Emails"
        actions={
          isOperator ? (
            <ActionForm
              action={setEmailNudgesAction}
              fields={{ customerId, emailNudges: customer.emailNudges ? "off" : "on" }}
              label={customer.emailNudges ? "Turn nudge emails off" : "Turn nudge emails on"}
            />
          ) : (
            <p className="text-sm text-slate-600">
              Nudge emails are {customer.emailNudges ? "on" : "off"} for this customer.
            </p>
          )
        }
      >
        <EmailTable rows={emails.rows} customerId={customerId} resendAction={resendEmailAction} />
        {pager("emailsPage", emails, "Emails", "emails")}
      </Section>

      <Section id="audit" title="Audit log">
        <AuditTable rows={audit.rows} showCustomer={false} />
        {pager("auditPage", audit, "Audit entries", "audit")}
      </Section>
    </div>
  );
}
