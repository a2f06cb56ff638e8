// The customer page's lists (issue #6), each an async server component that awaits its own rows, so the page's
// header and the application's facts are sent at once and each list streams in behind its own Suspense boundary
// (issue 21, point 1). Secrets are never selected (lib/support/customer.ts).
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { AuditTable } from "@/components/console/audit-table";
import { CustomerIntegrationTable } from "@/components/console/customer-integration-table";
import { CustomerJobTable } from "@/components/console/customer-job-table";
import { CustomerNotificationTable } from "@/components/console/customer-notification-table";
import { EmailTable } from "@/components/console/email-table";
import { LinkedInUsageTable } from "@/components/console/linkedin-usage";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import type { Role } from "@/lib/auth/roles";
import { customerEmails } from "@/lib/email/queries";
import { jobKindsFor } from "@/lib/jobs/permissions";
import type { Page } from "@/lib/pagination/page";
import { pageNumber, pagesBeyondFirst } from "@/lib/pagination/page-number";
import { listAudit } from "@/lib/support/audit";
import {
  type CustomerSummary,
  customerIntegrations,
  customerJobs,
  customerNotifications,
  linkedInUsage,
} from "@/lib/support/customer";
import {
  recheckIntegrationAction,
  replayNotificationAction,
  retryJobAction,
  retryNotificationAction,
} from "../../actions";
import { resendEmailAction, setEmailNudgesAction } from "./actions";

export const customerParamsSchema = z.object({
  integrationsPage: pageNumber,
  jobsPage: pageNumber,
  notificationsPage: pageNumber,
  auditPage: pageNumber,
  emailsPage: pageNumber,
  flowPage: pageNumber,
});
type CustomerParams = z.infer<typeof customerParamsSchema>;

/** What the customer page's lists are drawn for: the customer, who is looking and the page of each list. */
export type CustomerView = { customerId: string; role: Role; params: CustomerParams };

function pager<T>(view: CustomerView, param: keyof CustomerParams, list: Page<T>, label: string, anchor: string) {
  return (
    <Pagination
      basePath={`/console/customers/${view.customerId}`}
      query={pagesBeyondFirst(view.params)}
      param={param}
      list={list}
      label={label}
      anchor={anchor}
    />
  );
}

export async function LinkedInUsageToday({ application }: { application: CustomerSummary["application"] }) {
  const usage = await linkedInUsage(application);
  if (!usage) return null;
  return (
    <div>
      <h3 className="font-medium">LinkedIn calls today</h3>
      <LinkedInUsageTable usage={usage} />
    </div>
  );
}

export async function IntegrationsList({ view }: { view: CustomerView }) {
  const integrations = await customerIntegrations(view.customerId, view.params.integrationsPage);
  return (
    <Section id="integrations" title="Integrations">
      <CustomerIntegrationTable rows={integrations.rows} recheckAction={recheckIntegrationAction} />
      {pager(view, "integrationsPage", integrations, "Integrations", "integrations")}
    </Section>
  );
}

export async function JobsList({ view }: { view: CustomerView }) {
  const jobs = await customerJobs(view.customerId, view.params.jobsPage);
  return (
    <Section id="jobs" title="Jobs">
      <CustomerJobTable rows={jobs.rows} retryAction={retryJobAction} retryKinds={jobKindsFor(view.role, "retry")} />
      {pager(view, "jobsPage", jobs, "Jobs", "jobs")}
    </Section>
  );
}

export async function NotificationsList({ view }: { view: CustomerView }) {
  const notifications = await customerNotifications(view.customerId, view.params.notificationsPage);
  return (
    <Section id="notifications" title="Notifications received">
      <CustomerNotificationTable
        rows={notifications.rows}
        retryAction={retryNotificationAction}
        replayAction={replayNotificationAction}
      />
      {pager(view, "notificationsPage", notifications, "Notifications", "notifications")}
    </Section>
  );
}

export async function EmailsList({ view, emailNudges }: { view: CustomerView; emailNudges: boolean }) {
  const emails = await customerEmails(view.customerId, view.params.emailsPage);
  return (
    <Section
      id="emails"
      title="Emails"
      actions={
        view.role === "OPERATOR" ? (
          <ActionForm
            action={setEmailNudgesAction}
            fields={{ customerId: view.customerId, emailNudges: emailNudges ? "off" : "on" }}
            label={emailNudges ? "Turn nudge emails off" : "Turn nudge emails on"}
          />
        ) : (
          <p className="text-sm text-slate-600">Nudge emails are {emailNudges ? "on" : "off"} for this customer.</p>
        )
      }
    >
      <EmailTable rows={emails.rows} customerId={view.customerId} resendAction={resendEmailAction} />
      {pager(view, "emailsPage", emails, "Emails", "emails")}
    </Section>
  );
}

export async function AuditList({ view }: { view: CustomerView }) {
  const audit = await listAudit({ customerId: view.customerId }, view.params.auditPage, 10);
  return (
    <Section id="audit" title="Audit log">
      <AuditTable rows={audit.rows} showCustomer={false} />
      {pager(view, "auditPage", audit, "Audit entries", "audit")}
    </Section>
  );
}
