// The customer settings page's "LinkedIn application" section (C1, C3, L7): the stored keys (never the secret, only its
// last characters), their age and status, rotating the secret and replacing the keys; without an application, the
// two ways to get one (provisioning streams in behind its own Suspense boundary).

import { ActionForm } from "@/components/ui/action-form";
import { ApplicationKeysForm } from "@/components/console/application-keys-form";
import { Facts } from "@/components/ui/facts";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { KeyStatusBadge } from "@/components/console/status-badge";
import { Time, utcText } from "@/components/ui/time";
import type { CustomerSettings } from "@/lib/customers/queries";
import { MANUAL_ROTATION_STEPS } from "@/lib/customers/secret-rotation";
import { env } from "@/lib/env";
import { applicationOriginWords } from "@/lib/status/vocabulary";
import {
  requestDomainsSyncAction,
  retirePreviousSecretAction,
  rotateSecretAction,
  setApplicationKeysAction,
} from "../../actions";
import { ProvisioningPanel } from "./provisioning-panel";

export function ApplicationSection({ customer }: { customer: CustomerSettings }) {
  const app = customer.application;
  const secretAgeDays = app ? Math.floor((Date.now() - app.secretSetAt.getTime()) / 86_400_000) : 0;
  const maxAgeDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  return (
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
              { term: "Origin", value: applicationOriginWords(app.origin) },
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
          <StreamedSection id="provisioning" title="Provision through LinkedIn">
            <ProvisioningPanel customerId={customer.id} foreignId={customer.foreignId} />
          </StreamedSection>
          <div className="space-y-3">
            <h3 className="font-medium">Enter existing keys</h3>
            <p className="text-sm text-slate-600">For customers whose LinkedIn application already exists.</p>
            <ApplicationKeysForm action={setApplicationKeysAction} customerId={customer.id} />
          </div>
        </div>
      )}
    </Section>
  );
}
