import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireCustomerPage } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { triggerPollAction } from "@/lib/console/actions";
import { listAudit } from "@/lib/console/audit";
import {
  customerIntegrations,
  customerJobs,
  customerNotifications,
  customerSummary,
  linkedInUsage,
} from "@/lib/console/customer";
import { firstValues, type SearchParams } from "@/lib/console/filters";
import { SupportActionForm } from "@/components/console/support-action-form";
import { SupportAuditTable } from "@/components/console/support-audit-table";
import { SupportEmailTable } from "@/components/console/support-email-table";
import { customerEmails } from "@/lib/email/queries";
import { resendEmailAction, setEmailNudgesAction } from "@/lib/email/support-actions";
import {
  SupportIntegrationTable,
  SupportJobTable,
  SupportLinkedInUsage,
  SupportNotificationTable,
} from "@/components/console/support-customer-sections";
import { SupportPagination } from "@/components/console/support-pagination";
import { SupportTime } from "@/components/console/support-format";

export const metadata: Metadata = { title: "Customer" };

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const paramsSchema = z.object({
  integrationsPage: page,
  jobsPage: page,
  notificationsPage: page,
  auditPage: page,
  emailsPage: page,
});

// Issue #6: one customer's onboarding for support: integrations and their history, jobs, notifications,
// LinkedIn usage and the audit log. Secrets are never selected (lib/console/customer.ts).
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
  const app = customer.application;

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
                · archived <SupportTime value={customer.archivedAt} />
              </>
            ) : null}
          </p>
          <p className="text-sm text-slate-600">
            Offered: {customer.offeredIntegrationTypes.join(", ") || "nothing yet"}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          {actor.role === "OPERATOR" ? (
            <Link
              href={`${basePath}/settings`}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              Customer settings and keys
            </Link>
          ) : null}
          <SupportActionForm
            action={triggerPollAction}
            fields={{ customerId }}
            label="Run the fallback poll now"
            pendingLabel="Queuing the poll…"
            variant="primary"
          />
        </div>
      </header>

      <section aria-labelledby="application-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="application-heading" className="text-lg font-semibold">
          LinkedIn application
        </h2>
        {app ? (
          <div className="mt-2 space-y-3 text-sm">
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">API key (client id)</dt>
              <dd className="font-mono break-all">{app.clientId}</dd>
              <dt className="font-medium">Keys</dt>
              <dd>
                {app.origin === "PROVISIONED" ? "Provisioned through LinkedIn" : "Entered by hand"}; the secret is never
                shown (C3).
              </dd>
              <dt className="font-medium">Keys last verified</dt>
              <dd>
                <SupportTime value={app.lastVerifiedAt} />
              </dd>
              <dt className="font-medium">Key problems</dt>
              <dd>
                {app.lastAuthError ? (
                  <span className="text-red-800" data-testid="auth-error">
                    {app.lastAuthError} (<SupportTime value={app.lastAuthErrorAt} />)
                    {actor.role === "OPERATOR" ? (
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
                )}
              </dd>
            </dl>
            {usage ? (
              <div>
                <h3 className="font-medium">LinkedIn calls today</h3>
                <SupportLinkedInUsage usage={usage} />
              </div>
            ) : null}
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            No LinkedIn application yet: an operator provisions one or enters its keys.
          </p>
        )}
      </section>

      <section aria-labelledby="integrations-heading" id="integrations">
        <h2 id="integrations-heading" className="mb-2 text-lg font-semibold">
          Integrations
        </h2>
        <SupportIntegrationTable rows={integrations.rows} />
        <SupportPagination
          basePath={basePath}
          query={query}
          param="integrationsPage"
          page={integrations.page}
          pageCount={integrations.pageCount}
          total={integrations.total}
          label="Integrations"
          anchor="integrations"
        />
      </section>

      <section aria-labelledby="jobs-heading" id="jobs">
        <h2 id="jobs-heading" className="mb-2 text-lg font-semibold">
          Jobs
        </h2>
        <SupportJobTable rows={jobs.rows} />
        <SupportPagination
          basePath={basePath}
          query={query}
          param="jobsPage"
          page={jobs.page}
          pageCount={jobs.pageCount}
          total={jobs.total}
          label="Jobs"
          anchor="jobs"
        />
      </section>

      <section aria-labelledby="notifications-heading" id="notifications">
        <h2 id="notifications-heading" className="mb-2 text-lg font-semibold">
          Notifications received
        </h2>
        <SupportNotificationTable rows={notifications.rows} />
        <SupportPagination
          basePath={basePath}
          query={query}
          param="notificationsPage"
          page={notifications.page}
          pageCount={notifications.pageCount}
          total={notifications.total}
          label="Notifications"
          anchor="notifications"
        />
      </section>

      <section aria-labelledby="emails-heading" id="emails">
        <div className="mb-2 flex flex-wrap items-start justify-between gap-3">
          <h2 id="emails-heading" className="text-lg font-semibold">
            Emails
          </h2>
          {actor.role === "OPERATOR" ? (
            <SupportActionForm
              action={setEmailNudgesAction}
              fields={{ customerId, emailNudges: customer.emailNudges ? "off" : "on" }}
              label={customer.emailNudges ? "Turn nudge emails off" : "Turn nudge emails on"}
            />
          ) : (
            <p className="text-sm text-slate-600">
              Nudge emails are {customer.emailNudges ? "on" : "off"} for this customer.
            </p>
          )}
        </div>
        <SupportEmailTable rows={emails.rows} customerId={customerId} resendAction={resendEmailAction} />
        <SupportPagination
          basePath={basePath}
          query={query}
          param="emailsPage"
          page={emails.page}
          pageCount={emails.pageCount}
          total={emails.total}
          label="Emails"
          anchor="emails"
        />
      </section>

      <section aria-labelledby="audit-heading" id="audit">
        <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
          Audit log
        </h2>
        <SupportAuditTable rows={audit.rows} showCustomer={false} />
        <SupportPagination
          basePath={basePath}
          query={query}
          param="auditPage"
          page={audit.page}
          pageCount={audit.pageCount}
          total={audit.total}
          label="Audit entries"
          anchor="audit"
        />
      </section>
    </div>
  );
}
