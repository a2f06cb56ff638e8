import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { z } from "zod";
import { ApplicationBulkRotationForm } from "@/components/console/application-bulk-rotation-form";
import { ActionForm } from "@/components/console/action-form";
import { humanize } from "@/components/console/humanize";
import { IssueSection } from "@/components/console/issue-section";
import { Pagination } from "@/components/console/pagination";
import { STATUS_LABELS } from "@/components/console/status-words";
import { Time } from "@/components/console/time";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { mayOperateJob } from "@/lib/jobs/permissions";
import { DailyHoldsSection } from "@/components/console/daily-holds";
import { SecretRollsSection } from "@/components/console/secret-roll";
import { HeldByTwoSection } from "@/components/console/held-by-two";
import { dailyLimitHolds } from "@/lib/support/daily-holds";
import { firstValues, type SearchParams } from "@/lib/support/filters";
import {
  failedJobs,
  failedNotifications,
  keyFailures,
  oldSecrets,
  openAnomalies,
  stuckAfterHours,
  stuckIntegrations,
  unknownTypeIntegrations,
} from "@/lib/support/issues";
import { overdueSecretRolls } from "@/lib/support/secret-rolls";
import { tupleConflicts } from "@/lib/support/tuple-conflicts";
import { env } from "@/lib/env";
import { pageNumber } from "@/lib/pagination/page-number";
import {
  recheckIntegrationAction,
  replayNotificationAction,
  resolveAnomalyAction,
  retryJobAction,
  retryNotificationAction,
  triggerPollAction,
} from "../actions";

import { detachHeldByTwoAction, requestBulkRotationAction } from "./actions";

export const metadata: Metadata = { title: "Issues" };

const paramsSchema = z.object({
  jobsPage: pageNumber,
  keysPage: pageNumber,
  stuckPage: pageNumber,
  anomaliesPage: pageNumber,
  notificationsPage: pageNumber,
  unknownTypesPage: pageNumber,
  secretsPage: pageNumber,
  holdsPage: pageNumber,
  rollsPage: pageNumber,
  heldByTwoPage: pageNumber,
});

const td = "py-2 pr-4 align-top";

function CustomerLink({ id, name }: { id: string | null; name: string | null }) {
  if (!id) return <span className="text-slate-500">No customer</span>;
  return (
    <Link href={`/console/customers/${id}`} className="text-blue-800 underline">
      {name ?? id}
    </Link>
  );
}

function CustomerCell({ id, name }: { id: string | null; name: string | null }) {
  return (
    <td className={td}>
      <CustomerLink id={id} name={name} />
    </td>
  );
}

/** The last cell of a row whose item has more than one action. */
function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <td className="py-2 align-top">
      <div className="flex flex-wrap gap-2">{children}</div>
    </td>
  );
}

/** The customer's fallback poll (C28): what a stuck integration or a failed notification may be waiting for. */
function PollCustomerForm({ customerId, customerName }: { customerId: string; customerName: string }) {
  return (
    <ActionForm
      action={triggerPollAction}
      fields={{ customerId }}
      label="Poll customer"
      labelDetail={`${customerName} (fallback poll)`}
    />
  );
}

// Issue #6: everything that needs a person, each with the action that resolves it.
export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console/issues");
  const p = paramsSchema.parse(firstValues(await searchParams));
  const hours = await stuckAfterHours();
  const maxSecretAgeDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  const [jobs, keys, stuck, anomalies, notifications, unknownTypes, secrets, holds, rolls, heldByTwo] =
    await Promise.all([
      failedJobs(p.jobsPage),
      keyFailures(p.keysPage),
      stuckIntegrations(hours, p.stuckPage),
      openAnomalies(p.anomaliesPage),
      failedNotifications(p.notificationsPage),
      unknownTypeIntegrations(p.unknownTypesPage),
      oldSecrets(maxSecretAgeDays, p.secretsPage),
      dailyLimitHolds(p.holdsPage),
      overdueSecretRolls(p.rollsPage),
      tupleConflicts(p.heldByTwoPage),
    ]);
  const query = Object.fromEntries(
    Object.entries(p)
      .filter(([, v]) => v > 1)
      .map(([k, v]) => [k, String(v)]),
  );
  const total =
    jobs.total +
    keys.total +
    rolls.total +
    stuck.total +
    anomalies.total +
    notifications.total +
    unknownTypes.total +
    heldByTwo.total;
  const pager = (
    param: string,
    pg: { page: number; pageCount: number; total: number },
    label: string,
    anchor: string,
  ) => (
    <Pagination
      basePath="/console/issues"
      query={query}
      param={param}
      page={pg.page}
      pageCount={pg.pageCount}
      total={pg.total}
      label={label}
      anchor={anchor}
    />
  );
  const sections: [id: string, label: string, count: number][] = [
    ["failed-jobs", "Failed jobs", jobs.total],
    ["keys", "Keys refused", keys.total],
    ["secret-rolls", "Rotations that did not finish", rolls.total],
    ["daily-holds", "Held until midnight UTC", holds.total],
    ["old-secrets", "Secrets to rotate", secrets.total],
    ["stuck", "Stuck integrations", stuck.total],
    ["held-by-two", "Held by two customers", heldByTwo.total],
    ["anomalies", "Anomalies", anomalies.total],
    ["failed-notifications", "Failed notifications", notifications.total],
    ["unknown-types", "Types Onramp does not know yet", unknownTypes.total],
  ];

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Issues</h1>
        <p className="text-sm text-slate-600">
          {total === 0
            ? "Nothing needs a person right now."
            : `${total.toLocaleString("en-US")} item${total === 1 ? "" : "s"} need a person.`}
        </p>
        <nav aria-label="Issue sections" className="mt-2 flex flex-wrap gap-4 text-sm">
          {sections.map(([id, label, count]) => (
            <a key={id} href={`#${id}`} className="text-blue-800 underline">
              {label} ({count})
            </a>
          ))}
        </nav>
      </header>

      <IssueSection
        id="failed-jobs"
        title="Failed jobs"
        description={
          <>
            Jobs that failed after their last attempt and have not been retried. Resolve: retry once the cause is fixed.
          </>
        }
        caption="Failed jobs, newest first"
        columns={["Job", "Customer", "Attempts", "Error", "Action"]}
        minWidth="44rem"
        testId="failed-jobs"
        emptyText="No failed jobs."
        rows={jobs.rows}
        pager={pager("jobsPage", jobs, "Failed jobs", "failed-jobs")}
        rowKey={(j) => j.id}
        rowHeader={(j) => (
          <>
            {humanize(j.kind)}
            <div className="text-xs text-slate-500">
              failed <Time value={j.finishedAt ?? j.createdAt} />
            </div>
          </>
        )}
        cells={(j) => (
          <>
            <CustomerCell id={j.customerId} name={j.customerName} />
            <td className={`${td} tabular-nums`}>
              {j.attempts} of {j.maxAttempts}
            </td>
            <td className={`${td} text-xs text-red-800`}>{j.lastError}</td>
            <td className="py-2 align-top">
              {mayOperateJob(actor.role, j.kind, "retry") ? (
                <ActionForm
                  action={retryJobAction}
                  fields={{ jobId: j.id }}
                  label="Retry"
                  labelDetail={`${humanize(j.kind).toLowerCase()} job${j.customerName ? ` of ${j.customerName}` : ""}`}
                />
              ) : (
                "Ask an operator to retry it"
              )}
            </td>
          </>
        )}
      />

      <IssueSection
        id="keys"
        title="Customers whose keys LinkedIn refuses"
        description={
          <>
            LinkedIn answered 401 or refused the token request. Resolve: an operator replaces the keys, which re-checks
            them at once.
          </>
        }
        caption="Customers whose keys LinkedIn refuses"
        columns={["Customer", "API key", "Problem", "Action"]}
        minWidth="40rem"
        emptyText="Every customer’s keys work."
        rows={keys.rows}
        pager={pager("keysPage", keys, "Customers with refused keys", "keys")}
        rowKey={(k) => k.customerId}
        rowHeader={(k) => <CustomerLink id={k.customerId} name={k.customerName} />}
        cells={(k) => (
          <>
            <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
            <td className={`${td} text-xs text-red-800`}>
              {k.lastAuthError}
              <div className="text-slate-500">
                <Time value={k.lastAuthErrorAt} />
              </div>
            </td>
            <td className="py-2 align-top text-sm">
              {actor.role === "OPERATOR" ? (
                <Link href={`/console/customers/${k.customerId}/settings`} className="text-blue-800 underline">
                  Replace the keys<span className="sr-only"> of {k.customerName}</span>
                </Link>
              ) : (
                "Ask an operator to replace the keys"
              )}
            </td>
          </>
        )}
      />

      <SecretRollsSection
        rows={rolls.rows}
        customerLink={(r) => <CustomerLink id={r.customerId} name={r.customerName} />}
        pager={pager("rollsPage", rolls, "Secret rotations that did not finish", "secret-rolls")}
      />

      <DailyHoldsSection
        rows={holds.rows}
        customerLink={(h) => <CustomerLink id={h.customerId} name={h.customerName} />}
        pager={pager("holdsPage", holds, "Customers held until midnight UTC", "daily-holds")}
      />

      <IssueSection
        id="old-secrets"
        title={`Secrets older than ${maxSecretAgeDays} days`}
        description={
          <>
            LinkedIn advises rotating every 60–90 days. Resolve: an operator rotates the secret on the customer&apos;s
            settings page, or all of them at once below.
          </>
        }
        caption={`Secrets older than ${maxSecretAgeDays} days`}
        columns={["Customer", "API key", "Secret set", "Action"]}
        minWidth="40rem"
        emptyText="Every secret is within the rotation policy."
        rows={secrets.rows}
        pager={pager("secretsPage", secrets, "Secrets to rotate", "old-secrets")}
        rowKey={(k) => k.customerId}
        rowHeader={(k) => <CustomerLink id={k.customerId} name={k.customerName} />}
        cells={(k) => (
          <>
            <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
            <td className={`${td} text-xs`}>
              <Time value={k.secretSetAt} />
            </td>
            <td className="py-2 align-top text-sm">
              {actor.role === "OPERATOR" ? (
                <Link href={`/console/customers/${k.customerId}/settings`} className="text-blue-800 underline">
                  {k.provisioned ? "Rotate the secret" : "Rotate in LinkedIn, enter the new secret"}
                  <span className="sr-only"> of {k.customerName}</span>
                </Link>
              ) : (
                "Ask an operator to rotate the secret"
              )}
            </td>
          </>
        )}
      >
        {mayOperateJob(actor.role, "ROTATE_SECRETS", "start") ? (
          <ApplicationBulkRotationForm action={requestBulkRotationAction} defaultDays={maxSecretAgeDays} />
        ) : null}
      </IssueSection>

      <IssueSection
        id="stuck"
        title={`Integrations stuck for more than ${hours} hours`}
        description={
          <>
            Still requested or partner ready after {hours} hours (the &quot;stuckAfterHours&quot; setting). Resolve:
            re-check the status now or run the customer&apos;s fallback poll; if LinkedIn still says the same, contact
            the customer.
          </>
        }
        caption="Stuck integrations, longest first"
        columns={["Integration", "Customer", "Status since", "Actions"]}
        minWidth="44rem"
        testId="stuck-integrations"
        emptyText="No integration is stuck."
        rows={stuck.rows}
        pager={pager("stuckPage", stuck, "Stuck integrations", "stuck")}
        rowKey={(i) => i.id}
        rowHeader={(i) => (
          <>
            {i.name}
            <div className="text-xs text-slate-500">{i.integrationType}</div>
          </>
        )}
        cells={(i) => (
          <>
            <CustomerCell id={i.customerId} name={i.customerName} />
            <td className={`${td} text-xs`}>
              {STATUS_LABELS[i.onboardingStatus]} since <Time value={i.statusChangedAt} />
              <div className="text-slate-500">
                last checked <Time value={i.lastCheckedAt} />
              </div>
            </td>
            <ActionsCell>
              <ActionForm
                action={recheckIntegrationAction}
                fields={{ integrationId: i.id }}
                label="Re-check now"
                labelDetail={`for ${i.name}`}
              />
              <PollCustomerForm customerId={i.customerId} customerName={i.customerName} />
            </ActionsCell>
          </>
        )}
      />

      <HeldByTwoSection
        rows={heldByTwo.rows}
        customerLink={(h) => <CustomerLink id={h.customerId} name={h.customerName} />}
        pager={pager("heldByTwoPage", heldByTwo, "Integrations held by two customers", "held-by-two")}
        detach={detachHeldByTwoAction}
      />

      <IssueSection
        id="anomalies"
        title="Open anomalies"
        description={
          <>
            Notifications that did not fit what Onramp knows (an unknown integration, an unexpected status): replay the
            notification after fixing the cause. Authorizations from the LinkedIn panel that LinkedIn has no record of
            for the customer: nothing was stored; talk to the customer if it keeps happening. Then mark the anomaly
            resolved.
          </>
        }
        caption="Open anomalies, newest first"
        columns={["Anomaly", "Customer", "Message", "Actions"]}
        minWidth="44rem"
        emptyText="No open anomalies."
        rows={anomalies.rows}
        pager={pager("anomaliesPage", anomalies, "Anomalies", "anomalies")}
        rowKey={(a) => a.id}
        rowHeader={(a) => (
          <>
            {humanize(a.kind)}
            <div className="text-xs text-slate-500">
              <Time value={a.createdAt} />
            </div>
          </>
        )}
        cells={(a) => (
          <>
            <CustomerCell id={a.customerId} name={a.customerName} />
            <td className={`${td} text-xs`}>{a.message}</td>
            <ActionsCell>
              {a.notificationId ? (
                <ActionForm
                  action={replayNotificationAction}
                  fields={{ notificationId: a.notificationId }}
                  label="Replay notification"
                  labelDetail={`behind this ${humanize(a.kind).toLowerCase()} anomaly`}
                />
              ) : null}
              <ActionForm
                action={resolveAnomalyAction}
                fields={{ anomalyId: a.id }}
                label="Mark resolved"
                labelDetail={`the ${humanize(a.kind).toLowerCase()} anomaly of ${a.customerName}`}
              />
            </ActionsCell>
          </>
        )}
      />

      <IssueSection
        id="failed-notifications"
        title="Failed notifications"
        description={
          <>
            Push notifications whose processing failed after every attempt. Resolve: retry; if the lookup id has expired
            the fallback poll covers it.
          </>
        }
        caption="Failed notifications, newest first"
        columns={["Notification", "Customer", "Error", "Actions"]}
        minWidth="44rem"
        emptyText="No failed notifications."
        rows={notifications.rows}
        pager={pager("notificationsPage", notifications, "Failed notifications", "failed-notifications")}
        rowKey={(n) => n.id}
        rowHeader={(n) => (
          <>
            {n.type}
            <div className="text-xs break-all text-slate-500">
              id {n.linkedinId} · <Time value={n.receivedAt} /> · {n.attempts} attempt
              {n.attempts === 1 ? "" : "s"}
            </div>
          </>
        )}
        cells={(n) => (
          <>
            <CustomerCell id={n.customerId} name={n.customerName} />
            <td className={`${td} text-xs text-red-800`}>{n.lastError}</td>
            <ActionsCell>
              <ActionForm
                action={retryNotificationAction}
                fields={{ notificationId: n.id }}
                label="Retry"
                labelDetail={`notification ${n.linkedinId}`}
              />
              <PollCustomerForm customerId={n.customerId} customerName={n.customerName} />
            </ActionsCell>
          </>
        )}
      />

      <IssueSection
        id="unknown-types"
        title="Integrations of a type Onramp does not know yet"
        description={
          <>
            LinkedIn adds integration types over time. These were stored, named with a generic name and synced like any
            other. Resolve: check LinkedIn&apos;s integration types page, then add the type and its configuration keys
            to Onramp (the configuration key table).
          </>
        }
        caption="Integrations of types Onramp does not know yet, newest first"
        columns={["Integration", "Customer", "Context", "Status"]}
        minWidth="40rem"
        testId="unknown-type-integrations"
        emptyText="Every integration is of a type Onramp knows."
        rows={unknownTypes.rows}
        pager={pager("unknownTypesPage", unknownTypes, "Integrations of unknown types", "unknown-types")}
        rowKey={(i) => i.id}
        rowHeader={(i) => (
          <>
            {i.name}
            <div className="text-xs text-slate-500">
              a type Onramp does not know yet: {i.integrationType} ({i.tenantType})
            </div>
          </>
        )}
        cells={(i) => (
          <>
            <CustomerCell id={i.customerId} name={i.customerName} />
            <td className={`${td} font-mono text-xs break-all`}>{i.integrationContext}</td>
            <td className={`${td} text-xs`}>
              {STATUS_LABELS[i.onboardingStatus]}
              <div className="text-slate-500">
                stored <Time value={i.createdAt} />
              </div>
            </td>
          </>
        )}
      />
    </div>
  );
}
