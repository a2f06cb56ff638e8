import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionForm } from "@/components/console/action-form";
import { applicationOrigin } from "@/components/console/application-origin";
import { Facts } from "@/components/console/facts";
import { ApplicationKeysForm } from "@/components/console/application-keys-form";
import { CopyField } from "@/components/console/copy-field";
import { CustomerForm } from "@/components/console/customer-form";
import { Section } from "@/components/console/section";
import { SectionSkeleton } from "@/components/console/section-skeleton";
import { ArchivedBadge, KeyStatusBadge } from "@/components/console/status-badge";
import { Time, utcText } from "@/components/console/time";
import { requireCustomerPage } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { findCustomer } from "@/lib/customers/queries";
import { MANUAL_ROTATION_STEPS } from "@/lib/customers/secret-rotation";
import { env } from "@/lib/env";
import {
  requestDomainsSyncAction,
  resyncConfigurationsAction,
  retirePreviousSecretAction,
  rotateCallbackKeyAction,
  rotateSecretAction,
  setAccessControlsAction,
  setApplicationKeysAction,
  setArchivedAction,
  updateCustomerAction,
} from "../../actions";
import { LanguageAndLookSection } from "./language-and-look";
import { ProvisioningPanel } from "./provisioning-panel";

export const metadata: Metadata = { title: "Customer settings" };

// Operators only (issue #6): support never sees this page, and with it no part of a secret (C3). The customer is read
// before anything streams (its 404 and heading are the frame); the provisioning job streams in (issue 21, point 1).
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
          {customer.archivedAt ? <ArchivedBadge size="sm" /> : null}
        </h1>
        {created ? (
          <p role="status" className="mt-2 rounded border border-green-200 bg-green-50 p-2 text-sm text-green-900">
            Customer created. Next: give it a LinkedIn application below.
          </p>
        ) : null}
      </div>

      <Section id="details" title="Details" card>
        <CustomerForm
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
      </Section>

      <Section id="application" title="LinkedIn application" card>
        {app ? (
          <div className="space-y-4">
            <Facts
              facts={[
                { term: "API key", value: app.clientId, mono: true, testId: "application-client-id" },
                {
                  term: "Secret",
                  mono: true,
                  testId: "application-secret-hint",
                  value: (
                    <>
                      <span aria-hidden="true">••••{app.secretHint}</span>
                      <span className="sr-only">hidden, ending in {app.secretHint}</span>
                    </>
                  ),
                },
                {
                  term: "Secret age",
                  testId: "application-secret-age",
                  value: (
                    <>
                      {secretAgeDays} days (set {utcText(app.secretSetAt)})
                      {secretAgeDays > maxAgeDays ? ` · older than the ${maxAgeDays}-day policy: rotate it` : ""}
                      {app.previousSecretRetiresAt
                        ? ` · previous secret accepted until ${utcText(app.previousSecretRetiresAt)}`
                        : ""}
                    </>
                  ),
                },
                {
                  term: "Application URN",
                  mono: true,
                  testId: "application-urn",
                  value: app.applicationUrn ?? "not known",
                },
                {
                  term: "JavaScript SDK domains",
                  mono: true,
                  testId: "application-domains",
                  value: (
                    <>
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
                    </>
                  ),
                },
                { term: "Origin", value: applicationOrigin(app.origin) },
                {
                  term: "Status",
                  value: (
                    <>
                      <KeyStatusBadge application={app} />
                      {app.lastVerifiedAt && !app.lastAuthError ? (
                        <span className="ml-2 text-xs text-slate-600">
                          checked <Time value={app.lastVerifiedAt} />
                        </span>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
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
                <ApplicationKeysForm
                  action={setApplicationKeysAction}
                  customerId={customer.id}
                  currentClientId={app.clientId}
                />
              </div>
            </details>
          </div>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <Suspense fallback={<SectionSkeleton id="provisioning" title="Provision through LinkedIn" />}>
              <ProvisioningPanel customerId={customer.id} foreignId={customer.foreignId} />
            </Suspense>
            <div className="space-y-3">
              <h3 className="font-medium">Enter existing keys</h3>
              <p className="text-sm text-slate-600">For customers whose LinkedIn application already exists.</p>
              <ApplicationKeysForm action={setApplicationKeysAction} customerId={customer.id} />
            </div>
          </div>
        )}
      </Section>

      <Section
        id="callback"
        title="Callback URL"
        description={
          <>
            Where LinkedIn sends this customer&apos;s push notifications. Onramp submits it as the CALLBACK_URL
            configuration of the integration types the configuration key table gives it to (One-Click Export).
            {customer.callbackKeyRotatedAt ? ` Last rotated ${utcText(customer.callbackKeyRotatedAt)}.` : ""}
          </>
        }
        card
      >
        <CopyField label="Callback URL" value={customer.callbackUrl} testId="callback-url" />
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
      </Section>

      <Section
        id="acl"
        title="Access controls in the ATS"
        description={<span data-testid="acl-state">{acl.state}</span>}
        card
      >
        <div className="flex flex-wrap gap-4">
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
      </Section>

      <Suspense fallback={<SectionSkeleton id="language-and-look" title="Language and look" />}>
        <LanguageAndLookSection customerId={customer.id} />
      </Suspense>

      <Section
        id="people"
        title="Customer admins"
        description={`Customer admins sign in to enable LinkedIn integrations for ${customer.displayName}.`}
        card
      >
        <Link href={`/console/people?customerId=${customer.id}`} className="inline-block text-blue-800 underline">
          Invite an admin for {customer.displayName}
        </Link>
      </Section>

      <Section
        id="archive"
        title={customer.archivedAt ? "Restore" : "Archive"}
        description={
          customer.archivedAt
            ? `Archived ${utcText(customer.archivedAt)}. Restoring shows it in the customer list again.`
            : "Archived customers leave the customer list (they stay in the audit log and can be restored)."
        }
        card
      >
        <ActionForm
          action={setArchivedAction}
          fields={{ customerId: customer.id, archived: customer.archivedAt ? "false" : "true" }}
          label={customer.archivedAt ? "Restore customer" : "Archive customer"}
          variant={customer.archivedAt ? "secondary" : "danger"}
          messageId="archive-message"
        />
      </Section>
    </div>
  );
}
