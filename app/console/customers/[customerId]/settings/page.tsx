import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/console/action-form";
import { OperatorApplicationKeysForm } from "@/components/console/operator-application-keys-form";
import { OperatorCopyField } from "@/components/console/operator-copy-field";
import { OperatorCustomerForm } from "@/components/console/operator-customer-form";
import { OperatorJobRefresher } from "@/components/console/operator-job-refresher";
import { OperatorKeyStatus } from "@/components/console/operator-key-status";
import { OperatorProvisioningStatus } from "@/components/console/operator-provisioning-status";
import { requireCustomerPage } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { latestProvisioningJob } from "@/lib/customers/provisioning";
import { findCustomer } from "@/lib/customers/queries";
import { MANUAL_ROTATION_STEPS } from "@/lib/customers/secret-rotation";
import { env } from "@/lib/env";
import {
  requestDomainsSyncAction,
  requestProvisioningAction,
  resyncConfigurationsAction,
  retirePreviousSecretAction,
  rotateCallbackKeyAction,
  rotateSecretAction,
  setAccessControlsAction,
  setApplicationKeysAction,
  setArchivedAction,
  updateCustomerAction,
} from "../../actions";

export const metadata: Metadata = { title: "Customer settings" };

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;

// Operators only (issue #6): support never sees this page, and with it no part of a secret (C3).
export default async function CustomerSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { customerId } = await params;
  const { created } = await searchParams;
  await requireCustomerPage(customerId, OPERATOR_ONLY, `/console/customers/${customerId}/settings`);
  const customer = await findCustomer(customerId);
  if (!customer) notFound();
  const job = customer.application ? null : await latestProvisioningJob(customerId);
  const jobActive = job !== null && ["QUEUED", "RUNNING", "RETRYING"].includes(job.status);
  const app = customer.application;
  // L14, RSC-104: the viewers keys follow this switch.
  const acl = customer.usesAtsAccessControls
    ? {
        state:
          "This customer uses access controls (ACLs) in the ATS: Onramp removes JOB_POSTING_VIEWERS and APPLICATION_VIEWERS at LinkedIn.",
        switchLabel: "The customer uses no access controls",
        fields: { customerId: customer.id, usesAtsAccessControls: "false" },
      }
    : {
        state:
          "This customer uses no access controls (ACLs) in the ATS: Onramp sets JOB_POSTING_VIEWERS and APPLICATION_VIEWERS to ALL_PRODUCT_USERS (RSC-104).",
        switchLabel: "The customer uses access controls",
        fields: { customerId: customer.id, usesAtsAccessControls: "true" },
      };
  const secretAgeDays = app ? Math.floor((Date.now() - app.secretSetAt.getTime()) / 86_400_000) : 0;
  const maxAgeDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/console/customers" className="text-blue-800 hover:underline">
            ← Customers
          </Link>
          {" · "}
          <Link href={`/console/customers/${customer.id}`} className="text-blue-800 hover:underline">
            Customer page
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">
          {customer.displayName}: settings
          {customer.archivedAt ? (
            <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-normal">Archived</span>
          ) : null}
        </h1>
        {created ? (
          <p role="status" className="mt-2 rounded border border-green-200 bg-green-50 p-2 text-sm text-green-900">
            Customer created. Next: give it a LinkedIn application below.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="details-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <div className="mt-3">
          <OperatorCustomerForm
            action={updateCustomerAction}
            customerId={customer.id}
            formId="edit-customer"
            submitLabel="Save details"
            values={{
              displayName: customer.displayName,
              foreignId: customer.foreignId,
              offeredIntegrationTypes: customer.offeredIntegrationTypes,
            }}
          />
        </div>
      </section>

      <section aria-labelledby="application-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="application-heading" className="text-lg font-semibold">
          LinkedIn application
        </h2>
        {app ? (
          <div className="mt-3 space-y-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">API key</dt>
              <dd className="font-mono" data-testid="application-client-id">
                {app.clientId}
              </dd>
              <dt className="text-slate-600">Secret</dt>
              <dd className="font-mono" data-testid="application-secret-hint">
                <span aria-hidden="true">••••{app.secretHint}</span>
                <span className="sr-only">hidden, ending in {app.secretHint}</span>
              </dd>
              <dt className="text-slate-600">Secret age</dt>
              <dd data-testid="application-secret-age">
                {secretAgeDays} days (set {when(app.secretSetAt)})
                {secretAgeDays > maxAgeDays ? ` · older than the ${maxAgeDays}-day policy: rotate it` : ""}
                {app.previousSecretRetiresAt
                  ? ` · previous secret accepted until ${when(app.previousSecretRetiresAt)}`
                  : ""}
              </dd>
              <dt className="text-slate-600">Application URN</dt>
              <dd className="font-mono break-all" data-testid="application-urn">
                {app.applicationUrn ?? "not known"}
              </dd>
              <dt className="text-slate-600">JavaScript SDK domains</dt>
              <dd className="font-mono break-all" data-testid="application-domains">
                {app.jsSdkDomains.join(", ") || "none recorded"}
                {app.applicationUrn && app.origin === "PROVISIONED" ? (
                  <span className="mt-1 block font-sans">
                    <ActionForm
                      action={requestDomainsSyncAction}
                      fields={{ customerId: customer.id }}
                      label="Add Onramp's address to every application's domains"
                      pendingLabel="Queuing…"
                      variant="secondary"
                      messageId="domains-message"
                    />
                  </span>
                ) : null}
              </dd>
              <dt className="text-slate-600">Origin</dt>
              <dd>{app.origin === "PROVISIONED" ? "Provisioned through LinkedIn" : "Entered by hand"}</dd>
              <dt className="text-slate-600">Status</dt>
              <dd>
                <OperatorKeyStatus application={app} />
                {app.lastVerifiedAt && !app.lastAuthError ? (
                  <span className="ml-2 text-xs text-slate-600">checked {when(app.lastVerifiedAt)}</span>
                ) : null}
              </dd>
            </dl>
            {app.lastAuthError ? (
              <p className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900">{app.lastAuthError}</p>
            ) : null}
            <div className="rounded border border-slate-200 p-3">
              <h3 className="text-sm font-medium">Rotate the secret</h3>
              {app.origin === "PROVISIONED" && app.applicationUrn ? (
                <div className="mt-2 flex flex-wrap gap-3">
                  <ActionForm
                    action={rotateSecretAction}
                    fields={{ customerId: customer.id }}
                    label="Rotate secret"
                    pendingLabel="Rotating…"
                    variant="secondary"
                    messageId="rotate-secret-message"
                  />
                  {app.previousSecretRetiresAt ? (
                    <ActionForm
                      action={retirePreviousSecretAction}
                      fields={{ customerId: customer.id }}
                      label="Previous secret deleted in LinkedIn: retire it"
                      pendingLabel="Retiring…"
                      confirm="I deleted the previous secret in LinkedIn's developer portal; pushes signed with it may be refused."
                      variant="danger"
                      messageId="retire-secret-message"
                    />
                  ) : null}
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-700" data-testid="manual-rotation-steps">
                  {MANUAL_ROTATION_STEPS}
                </p>
              )}
            </div>
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium">Replace the keys</summary>
              <p className="mt-2 text-sm text-slate-600">
                The new keys are checked with LinkedIn first; keys LinkedIn refuses change nothing.
              </p>
              <div className="mt-3">
                <OperatorApplicationKeysForm
                  action={setApplicationKeysAction}
                  customerId={customer.id}
                  currentClientId={app.clientId}
                />
              </div>
            </details>
          </div>
        ) : (
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div className="space-y-3">
              <h3 className="font-medium">Provision through LinkedIn</h3>
              <p className="text-sm text-slate-600">
                Creates a new application for this customer with your developer application (LinkedIn&apos;s
                Provisioning API), identified by the customer id <span className="font-mono">{customer.foreignId}</span>
                .
              </p>
              <OperatorJobRefresher active={jobActive} />
              {job ? <OperatorProvisioningStatus job={job} /> : null}
              {/* Stays mounted while the job runs so its answer is read out; asking again then answers "already under way". */}
              <ActionForm
                action={requestProvisioningAction}
                fields={{ customerId: customer.id }}
                label={job && !jobActive ? "Provision again" : "Provision application"}
                pendingLabel="Queuing…"
                variant="primary"
                messageId="provision-message"
              />
            </div>
            <div className="space-y-3">
              <h3 className="font-medium">Enter existing keys</h3>
              <p className="text-sm text-slate-600">For customers whose LinkedIn application already exists.</p>
              <OperatorApplicationKeysForm action={setApplicationKeysAction} customerId={customer.id} />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="callback-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="callback-heading" className="text-lg font-semibold">
          Callback URL
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Where LinkedIn sends this customer&apos;s push notifications. Onramp submits it as the CALLBACK_URL
          configuration of the integration types the configuration key table gives it to (L14: ONE_CLICK_EXPORT).
          {customer.callbackKeyRotatedAt ? ` Last rotated ${when(customer.callbackKeyRotatedAt)}.` : ""}
        </p>
        <div className="mt-3">
          <OperatorCopyField label="Callback URL" value={customer.callbackUrl} testId="callback-url" />
        </div>
        <div className="mt-3 rounded border border-amber-200 bg-amber-50 p-3">
          <h3 className="text-sm font-medium">Rotate the callback key</h3>
          <p className="mt-1 text-sm text-slate-700">
            Gives the customer a new URL at once. Notifications sent to the old URL are refused; Onramp re-sends the
            configurations with the new URL.
          </p>
          <div className="mt-2">
            <ActionForm
              action={rotateCallbackKeyAction}
              fields={{ customerId: customer.id }}
              label="Rotate callback key"
              pendingLabel="Rotating…"
              confirm="I understand the current callback URL stops working immediately."
              variant="danger"
              messageId="rotate-message"
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="acl-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="acl-heading" className="text-lg font-semibold">
          Access controls in the ATS
        </h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="acl-state">
          {acl.state}
        </p>
        <div className="mt-3 flex flex-wrap gap-4">
          <ActionForm
            action={setAccessControlsAction}
            fields={acl.fields}
            label={acl.switchLabel}
            messageId="acl-message"
          />
          <ActionForm
            action={resyncConfigurationsAction}
            fields={{ customerId: customer.id }}
            label="Re-send settings to LinkedIn"
            messageId="resync-message"
          />
        </div>
      </section>

      <section aria-labelledby="people-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="people-heading" className="text-lg font-semibold">
          Customer admins
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Customer admins sign in to enable LinkedIn integrations for {customer.displayName}.
        </p>
        <Link href={`/console/people?customerId=${customer.id}`} className="mt-2 inline-block text-blue-800 underline">
          Invite an admin for {customer.displayName}
        </Link>
      </section>

      <section aria-labelledby="archive-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="archive-heading" className="text-lg font-semibold">
          {customer.archivedAt ? "Restore" : "Archive"}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {customer.archivedAt
            ? `Archived ${when(customer.archivedAt)}. Restoring shows it in the customer list again.`
            : "Archived customers leave the customer list (they stay in the audit log and can be restored)."}
        </p>
        <div className="mt-3">
          <ActionForm
            action={setArchivedAction}
            fields={{ customerId: customer.id, archived: customer.archivedAt ? "false" : "true" }}
            label={customer.archivedAt ? "Restore customer" : "Archive customer"}
            variant={customer.archivedAt ? "secondary" : "danger"}
            messageId="archive-message"
          />
        </div>
      </section>
    </div>
  );
}
