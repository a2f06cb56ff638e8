// The issues view's sections about anomalies, failed notifications and integration types Onramp does not know yet
// (issue #6), each awaiting its own list behind its own Suspense boundary (issue 21, point 1).
import { ActionForm } from "@/components/ui/action-form";
import { IssueSection } from "@/components/console/issue-section";
import { humanize, STATUS_LABELS } from "@/lib/status/vocabulary";
import { Time } from "@/components/ui/time";
import { failedNotifications, openAnomalies, unknownTypeIntegrations } from "@/lib/support/issues";
import { replayNotificationAction, resolveAnomalyAction, retryNotificationAction } from "../../actions";
import { ActionsCell, CustomerCell, type IssueView, issuePager, PollCustomerForm, td } from "../issue-view";

export async function AnomaliesSection({ view }: { view: IssueView }) {
  const anomalies = await openAnomalies(view.params.anomaliesPage);
  return (
    <IssueSection
      id="anomalies"
      title="Open anomalies"
      description={
        <>
          Notifications that did not fit what Onramp knows (an unknown integration, an unexpected status): replay the
          notification after fixing the cause. Authorizations from the LinkedIn panel that LinkedIn has no record of for
          the customer: nothing was stored; talk to the customer if it keeps happening. Then mark the anomaly resolved.
        </>
      }
      caption="Open anomalies, newest first"
      columns={["Anomaly", "Customer", "Message", "Actions"]}
      minWidth="44rem"
      emptyText="No open anomalies."
      rows={anomalies.rows}
      pager={issuePager(view, "anomaliesPage", anomalies, "Anomalies", "anomalies")}
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
  );
}

export async function FailedNotificationsSection({ view }: { view: IssueView }) {
  const notifications = await failedNotifications(view.params.notificationsPage);
  return (
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
      pager={issuePager(view, "notificationsPage", notifications, "Failed notifications", "failed-notifications")}
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
  );
}

export async function UnknownTypesSection({ view }: { view: IssueView }) {
  const unknownTypes = await unknownTypeIntegrations(view.params.unknownTypesPage);
  return (
    <IssueSection
      id="unknown-types"
      title="Integrations of a type Onramp does not know yet"
      description={
        <>
          LinkedIn adds integration types over time. These were stored, named with a generic name and synced like any
          other. Resolve: check LinkedIn&apos;s integration types page, then add the type and its configuration keys to
          Onramp (the configuration key table).
        </>
      }
      caption="Integrations of types Onramp does not know yet, newest first"
      columns={["Integration", "Customer", "Context", "Status"]}
      minWidth="40rem"
      testId="unknown-type-integrations"
      emptyText="Every integration is of a type Onramp knows."
      rows={unknownTypes.rows}
      pager={issuePager(view, "unknownTypesPage", unknownTypes, "Integrations of unknown types", "unknown-types")}
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
  );
}
