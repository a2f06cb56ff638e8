import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { CopyField } from "@/components/ui/copy-field";
import { CustomerForm } from "@/components/console/customer-form";
import { Section } from "@/components/ui/section";
import { StreamedSection } from "@/components/layout/streamed-section";
import { ArchivedBadge } from "@/components/console/status-badge";
import { utcText } from "@/components/ui/time";
import { requireCustomerPage } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { findCustomer } from "@/lib/customers/queries";
import {
  resyncConfigurationsAction,
  rotateCallbackKeyAction,
  setAccessControlsAction,
  setArchivedAction,
  updateCustomerAction,
} from "../../actions";
import { ApplicationSection } from "./application-section";
import { LanguageAndLookSection } from "./language-and-look";

export const metadata: Metadata = { title: "Customer settings" };

// Operators only (issue #6): support never sees this page, and with it no part of a secret (C3). The customer is read
// before anything streams (its 404 and heading are the frame); the provisioning job streams in (issue 21, point 1)
// inside the application section (application-section.tsx).
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

      <ApplicationSection customer={customer} />

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

      <StreamedSection id="language-and-look" title="Language and look">
        <LanguageAndLookSection customerId={customer.id} />
      </StreamedSection>

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
