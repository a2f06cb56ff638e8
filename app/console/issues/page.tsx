import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ApplicationBulkRotationForm } from "@/components/console/application-bulk-rotation-form";
import { SupportActionForm } from "@/components/console/support-action-form";
import { SupportDailyHolds } from "@/components/console/support-daily-holds";
import { humanize, STATUS_LABELS, SupportTime } from "@/components/console/support-format";
import { SupportPagination } from "@/components/console/support-pagination";
import { SupportTable } from "@/components/console/support-table";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import {
  recheckIntegrationAction,
  replayNotificationAction,
  resolveAnomalyAction,
  retryJobAction,
  retryNotificationAction,
  triggerPollAction,
} from "@/lib/console/actions";
import { dailyLimitHolds } from "@/lib/console/daily-holds";
import { firstValues, type SearchParams } from "@/lib/console/filters";
import {
  failedJobs,
  failedNotifications,
  keyFailures,
  oldSecrets,
  openAnomalies,
  stuckAfterHours,
  stuckIntegrations,
  unknownTypeIntegrations,
} from "@/lib/console/issues";
import { env } from "@/lib/env";

import { requestBulkRotationAction } from "./actions";

export const metadata: Metadata = { title: "Issues" };

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const paramsSchema = z.object({
  jobsPage: page,
  keysPage: page,
  stuckPage: page,
  anomaliesPage: page,
  notificationsPage: page,
  unknownTypesPage: page,
  secretsPage: page,
  holdsPage: page,
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

// Issue #6: everything that needs a person, each with the action that resolves it.
export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console/issues");
  const p = paramsSchema.parse(firstValues(await searchParams));
  const hours = await stuckAfterHours();
  const maxSecretAgeDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  const [jobs, keys, stuck, anomalies, notifications, unknownTypes, secrets, holds] = await Promise.all([
    failedJobs(p.jobsPage),
    keyFailures(p.keysPage),
    stuckIntegrations(hours, p.stuckPage),
    openAnomalies(p.anomaliesPage),
    failedNotifications(p.notificationsPage),
    unknownTypeIntegrations(p.unknownTypesPage),
    oldSecrets(maxSecretAgeDays, p.secretsPage),
    dailyLimitHolds(p.holdsPage),
  ]);
  const query = Object.fromEntries(
    Object.entries(p)
      .filter(([, v]) => v > 1)
      .map(([k, v]) => [k, String(v)]),
  );
  const total = jobs.total + keys.total + stuck.total + anomalies.total + notifications.total + unknownTypes.total;
  const pager = (
    param: string,
    pg: { page: number; pageCount: number; total: number },
    label: string,
    anchor: string,
  ) => (
    <SupportPagination
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
          <a href="#failed-jobs" className="text-blue-800 underline">
            Failed jobs ({jobs.total})
          </a>
          <a href="#keys" className="text-blue-800 underline">
            Keys refused ({keys.total})
          </a>
          <a href="#daily-holds" className="text-blue-800 underline">
            Held until midnight UTC ({holds.total})
          </a>
          <a href="#old-secrets" className="text-blue-800 underline">
            Secrets to rotate ({secrets.total})
          </a>
          <a href="#stuck" className="text-blue-800 underline">
            Stuck integrations ({stuck.total})
          </a>
          <a href="#anomalies" className="text-blue-800 underline">
            Anomalies ({anomalies.total})
          </a>
          <a href="#failed-notifications" className="text-blue-800 underline">
            Failed notifications ({notifications.total})
          </a>
          <a href="#unknown-types" className="text-blue-800 underline">
            Types Onramp does not know yet ({unknownTypes.total})
          </a>
        </nav>
      </header>

      <section aria-labelledby="failed-jobs-heading" id="failed-jobs">
        <h2 id="failed-jobs-heading" className="text-lg font-semibold">
          Failed jobs
        </h2>
        <p className="text-sm text-slate-600">
          Jobs that failed after their last attempt and have not been retried. Resolve: retry once the cause is fixed.
        </p>
        {jobs.rows.length ? (
          <SupportTable
            caption="Failed jobs, newest first"
            columns={["Job", "Customer", "Attempts", "Error", "Action"]}
            minWidth="44rem"
            testId="failed-jobs"
            className="mt-2"
          >
            {jobs.rows.map((j) => (
              <tr key={j.id} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {humanize(j.kind)}
                  <div className="text-xs text-slate-500">
                    failed <SupportTime value={j.finishedAt ?? j.createdAt} />
                  </div>
                </th>
                <td className={td}>
                  <CustomerLink id={j.customerId} name={j.customerName} />
                </td>
                <td className={`${td} tabular-nums`}>
                  {j.attempts} of {j.maxAttempts}
                </td>
                <td className={`${td} text-xs text-red-800`}>{j.lastError}</td>
                <td className="py-2 align-top">
                  <SupportActionForm
                    action={retryJobAction}
                    fields={{ jobId: j.id }}
                    label="Retry"
                    labelDetail={`${humanize(j.kind).toLowerCase()} job${j.customerName ? ` of ${j.customerName}` : ""}`}
                  />
                </td>
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">No failed jobs.</p>
        )}
        {pager("jobsPage", jobs, "Failed jobs", "failed-jobs")}
      </section>

      <section aria-labelledby="keys-heading" id="keys">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Customers whose keys LinkedIn refuses
        </h2>
        <p className="text-sm text-slate-600">
          LinkedIn answered 401 or refused the token request (C27). Resolve: an operator replaces the keys, which
          re-checks them at once.
        </p>
        {keys.rows.length ? (
          <SupportTable
            caption="Customers whose keys LinkedIn refuses"
            columns={["Customer", "API key", "Problem", "Action"]}
            minWidth="40rem"
            className="mt-2"
          >
            {keys.rows.map((k) => (
              <tr key={k.customerId} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  <CustomerLink id={k.customerId} name={k.customerName} />
                </th>
                <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
                <td className={`${td} text-xs text-red-800`}>
                  {k.lastAuthError}
                  <div className="text-slate-500">
                    <SupportTime value={k.lastAuthErrorAt} />
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
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">Every customer&apos;s keys work.</p>
        )}
        {pager("keysPage", keys, "Customers with refused keys", "keys")}
      </section>

      <SupportDailyHolds
        rows={holds.rows}
        customerLink={(h) => <CustomerLink id={h.customerId} name={h.customerName} />}
        pager={pager("holdsPage", holds, "Customers held until midnight UTC", "daily-holds")}
      />

      <section aria-labelledby="old-secrets-heading" id="old-secrets">
        <h2 id="old-secrets-heading" className="text-lg font-semibold">
          Secrets older than {maxSecretAgeDays} days
        </h2>
        <p className="text-sm text-slate-600">
          LinkedIn advises rotating every 60–90 days (L7). Resolve: an operator rotates the secret on the
          customer&apos;s settings page, or all of them at once below.
        </p>
        {actor.role === "OPERATOR" ? (
          <ApplicationBulkRotationForm action={requestBulkRotationAction} defaultDays={maxSecretAgeDays} />
        ) : null}
        {secrets.rows.length ? (
          <SupportTable
            caption={`Secrets older than ${maxSecretAgeDays} days`}
            columns={["Customer", "API key", "Secret set", "Action"]}
            minWidth="40rem"
            className="mt-2"
          >
            {secrets.rows.map((k) => (
              <tr key={k.customerId} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  <CustomerLink id={k.customerId} name={k.customerName} />
                </th>
                <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
                <td className={`${td} text-xs`}>
                  <SupportTime value={k.secretSetAt} />
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
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">Every secret is within the rotation policy.</p>
        )}
        {pager("secretsPage", secrets, "Secrets to rotate", "old-secrets")}
      </section>

      <section aria-labelledby="stuck-heading" id="stuck">
        <h2 id="stuck-heading" className="text-lg font-semibold">
          Integrations stuck for more than {hours} hours
        </h2>
        <p className="text-sm text-slate-600">
          Still requested or partner ready (C18) after {hours} hours (the &quot;stuckAfterHours&quot; setting). Resolve:
          re-check the status now (C19b) or run the customer&apos;s fallback poll (C28); if LinkedIn still says the
          same, contact the customer.
        </p>
        {stuck.rows.length ? (
          <SupportTable
            caption="Stuck integrations, longest first"
            columns={["Integration", "Customer", "Status since", "Actions"]}
            minWidth="44rem"
            testId="stuck-integrations"
            className="mt-2"
          >
            {stuck.rows.map((i) => (
              <tr key={i.id} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {i.name}
                  <div className="text-xs text-slate-500">{i.integrationType}</div>
                </th>
                <td className={td}>
                  <CustomerLink id={i.customerId} name={i.customerName} />
                </td>
                <td className={`${td} text-xs`}>
                  {STATUS_LABELS[i.onboardingStatus]} since <SupportTime value={i.statusChangedAt} />
                  <div className="text-slate-500">
                    last checked <SupportTime value={i.lastCheckedAt} />
                  </div>
                </td>
                <td className="py-2 align-top">
                  <div className="flex flex-wrap gap-2">
                    <SupportActionForm
                      action={recheckIntegrationAction}
                      fields={{ integrationId: i.id }}
                      label="Re-check now"
                      labelDetail={`for ${i.name}`}
                    />
                    <SupportActionForm
                      action={triggerPollAction}
                      fields={{ customerId: i.customerId }}
                      label="Poll customer"
                      labelDetail={`${i.customerName} (fallback poll)`}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">No integration is stuck.</p>
        )}
        {pager("stuckPage", stuck, "Stuck integrations", "stuck")}
      </section>

      <section aria-labelledby="anomalies-heading" id="anomalies">
        <h2 id="anomalies-heading" className="text-lg font-semibold">
          Open anomalies from notifications
        </h2>
        <p className="text-sm text-slate-600">
          Notifications that did not fit what Onramp knows (an unknown integration, an unexpected status). Resolve:
          replay the notification after fixing the cause, then mark the anomaly resolved.
        </p>
        {anomalies.rows.length ? (
          <SupportTable
            caption="Open anomalies, newest first"
            columns={["Anomaly", "Customer", "Message", "Actions"]}
            minWidth="44rem"
            className="mt-2"
          >
            {anomalies.rows.map((a) => (
              <tr key={a.id} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {humanize(a.kind)}
                  <div className="text-xs text-slate-500">
                    <SupportTime value={a.createdAt} />
                  </div>
                </th>
                <td className={td}>
                  <CustomerLink id={a.customerId} name={a.customerName} />
                </td>
                <td className={`${td} text-xs`}>{a.message}</td>
                <td className="py-2 align-top">
                  <div className="flex flex-wrap gap-2">
                    {a.notificationId ? (
                      <SupportActionForm
                        action={replayNotificationAction}
                        fields={{ notificationId: a.notificationId }}
                        label="Replay notification"
                        labelDetail={`behind this ${humanize(a.kind).toLowerCase()} anomaly`}
                      />
                    ) : null}
                    <SupportActionForm
                      action={resolveAnomalyAction}
                      fields={{ anomalyId: a.id }}
                      label="Mark resolved"
                      labelDetail={`the ${humanize(a.kind).toLowerCase()} anomaly of ${a.customerName}`}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">No open anomalies.</p>
        )}
        {pager("anomaliesPage", anomalies, "Anomalies", "anomalies")}
      </section>

      <section aria-labelledby="failed-notifications-heading" id="failed-notifications">
        <h2 id="failed-notifications-heading" className="text-lg font-semibold">
          Failed notifications
        </h2>
        <p className="text-sm text-slate-600">
          Push notifications whose processing failed after every attempt. Resolve: retry; if the lookup id has expired
          the fallback poll covers it (C28).
        </p>
        {notifications.rows.length ? (
          <SupportTable
            caption="Failed notifications, newest first"
            columns={["Notification", "Customer", "Error", "Actions"]}
            minWidth="44rem"
            className="mt-2"
          >
            {notifications.rows.map((n) => (
              <tr key={n.id} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {n.type}
                  <div className="text-xs break-all text-slate-500">
                    id {n.linkedinId} · <SupportTime value={n.receivedAt} /> · {n.attempts} attempt
                    {n.attempts === 1 ? "" : "s"}
                  </div>
                </th>
                <td className={td}>
                  <CustomerLink id={n.customerId} name={n.customerName} />
                </td>
                <td className={`${td} text-xs text-red-800`}>{n.lastError}</td>
                <td className="py-2 align-top">
                  <div className="flex flex-wrap gap-2">
                    <SupportActionForm
                      action={retryNotificationAction}
                      fields={{ notificationId: n.id }}
                      label="Retry"
                      labelDetail={`notification ${n.linkedinId}`}
                    />
                    <SupportActionForm
                      action={triggerPollAction}
                      fields={{ customerId: n.customerId }}
                      label="Poll customer"
                      labelDetail={`${n.customerName} (fallback poll)`}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">No failed notifications.</p>
        )}
        {pager("notificationsPage", notifications, "Failed notifications", "failed-notifications")}
      </section>

      <section aria-labelledby="unknown-types-heading" id="unknown-types">
        <h2 id="unknown-types-heading" className="text-lg font-semibold">
          Integrations of a type Onramp does not know yet
        </h2>
        <p className="text-sm text-slate-600">
          LinkedIn adds integration types over time (L12). These were stored, named with a generic name and synced like
          any other. Resolve: check LinkedIn&apos;s integration types page, then add the type and its configuration keys
          to Onramp (the configuration key table).
        </p>
        {unknownTypes.rows.length ? (
          <SupportTable
            caption="Integrations of types Onramp does not know yet, newest first"
            columns={["Integration", "Customer", "Context", "Status"]}
            minWidth="40rem"
            testId="unknown-type-integrations"
            className="mt-2"
          >
            {unknownTypes.rows.map((i) => (
              <tr key={i.id} className="border-b border-slate-100">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {i.name}
                  <div className="text-xs text-slate-500">
                    a type Onramp does not know yet: {i.integrationType} ({i.tenantType})
                  </div>
                </th>
                <td className={td}>
                  <CustomerLink id={i.customerId} name={i.customerName} />
                </td>
                <td className={`${td} font-mono text-xs break-all`}>{i.integrationContext}</td>
                <td className={`${td} text-xs`}>
                  {STATUS_LABELS[i.onboardingStatus]}
                  <div className="text-slate-500">
                    stored <SupportTime value={i.createdAt} />
                  </div>
                </td>
              </tr>
            ))}
          </SupportTable>
        ) : (
          <p className="mt-2 text-sm">Every integration is of a type Onramp knows.</p>
        )}
        {pager("unknownTypesPage", unknownTypes, "Integrations of unknown types", "unknown-types")}
      </section>
    </div>
  );
}
