// The issues view's sections about old secrets, stuck integrations and organizations held by two customers
// (issue #6), each awaiting its own list behind its own Suspense boundary (issue 21, point 1).
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ApplicationBulkRotationForm } from "@/components/console/application-bulk-rotation-form";
import { HeldByTwoSection } from "@/components/console/held-by-two";
import { IssueSection } from "@/components/console/issue-section";
import { STATUS_LABELS } from "@/lib/status/vocabulary";
import { Time } from "@/components/ui/time";
import { env } from "@/lib/env";
import { mayOperateJob } from "@/lib/jobs/permissions";
import { oldSecrets, stuckAfterHours, stuckIntegrations } from "@/lib/support/issues";
import { tupleConflicts } from "@/lib/support/tuple-conflicts";
import { recheckIntegrationAction } from "../../actions";
import { detachHeldByTwoAction, requestBulkRotationAction } from "../actions";
import {
  ActionsCell,
  CustomerCell,
  CustomerLink,
  type IssueView,
  issuePager,
  PollCustomerForm,
  td,
} from "../issue-view";

export async function OldSecretsSection({ view }: { view: IssueView }) {
  const maxSecretAgeDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  const secrets = await oldSecrets(maxSecretAgeDays, view.params.secretsPage);
  return (
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
      pager={issuePager(view, "secretsPage", secrets, "Secrets to rotate", "old-secrets")}
      rowKey={(k) => k.customerId}
      rowHeader={(k) => <CustomerLink id={k.customerId} name={k.customerName} />}
      cells={(k) => (
        <>
          <td className={`${td} font-mono text-xs`}>{k.clientId}</td>
          <td className={`${td} text-xs`}>
            <Time value={k.secretSetAt} />
          </td>
          <td className="py-2 align-top text-sm">
            {view.role === "OPERATOR" ? (
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
      {mayOperateJob(view.role, "ROTATE_SECRETS", "start") ? (
        <ApplicationBulkRotationForm action={requestBulkRotationAction} defaultDays={maxSecretAgeDays} />
      ) : null}
    </IssueSection>
  );
}

export async function StuckIntegrationsSection({ view }: { view: IssueView }) {
  const hours = await stuckAfterHours();
  const stuck = await stuckIntegrations(hours, view.params.stuckPage);
  return (
    <IssueSection
      id="stuck"
      title={`Integrations stuck for more than ${hours} hours`}
      description={
        <>
          Still requested or partner ready after {hours} hours (the &quot;stuckAfterHours&quot; setting). Resolve:
          re-check the status now or run the customer&apos;s fallback poll; if LinkedIn still says the same, contact the
          customer.
        </>
      }
      caption="Stuck integrations, longest first"
      columns={["Integration", "Customer", "Status since", "Actions"]}
      minWidth="44rem"
      testId="stuck-integrations"
      emptyText="No integration is stuck."
      rows={stuck.rows}
      pager={issuePager(view, "stuckPage", stuck, "Stuck integrations", "stuck")}
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
  );
}

export async function HeldByTwoCustomersSection({ view }: { view: IssueView }) {
  const heldByTwo = await tupleConflicts(view.params.heldByTwoPage);
  return (
    <HeldByTwoSection
      rows={heldByTwo.rows}
      customerLink={(h) => <CustomerLink id={h.customerId} name={h.customerName} />}
      pager={issuePager(view, "heldByTwoPage", heldByTwo, "Integrations held by two customers", "held-by-two")}
      detach={detachHeldByTwoAction}
    />
  );
}
