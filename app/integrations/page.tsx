import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntegrationList } from "@/components/integrations/integration-list";
import { LinkedInWidget } from "@/components/integrations/linkedin-widget";
import { requirePageActor } from "@/lib/auth/guard";
import { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { integrationList, widgetCustomer } from "@/lib/integrations/queries";
import { BUNDLED_INTEGRATION_TYPES } from "@/lib/integrations/types";
import { integrationsKey } from "@/lib/integrations/view";
import { NONCE_HEADER } from "@/lib/integrations/widget-csp";
import { widgetExtensionUrl } from "@/lib/integrations/widget-extension";
import {
  authorizeWidgetIntegrations,
  checkStatusNowAction,
  editConfigurationAction,
  renameIntegrationAction,
} from "./actions";

export const metadata: Metadata = { title: "LinkedIn integrations" };

/** The plugin's width in pixels (C5: data-width); the page's content column is wider. */
const WIDGET_WIDTH = 640;

function Explanation({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div
      role="note"
      data-testid="widget-unavailable"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 space-y-1">{children}</div>
    </div>
  );
}

export default async function IntegrationsPage() {
  const actor = await requirePageActor([Role.CUSTOMER_ADMIN], "/integrations");
  if (!actor.customerId) throw new Error("customer admin without a customer");
  const customer = await widgetCustomer(actor.customerId);
  const [initial, nonce] = await Promise.all([
    integrationList(customer.id),
    headers().then((h) => h.get(NONCE_HEADER) ?? undefined),
  ]);
  const offered = BUNDLED_INTEGRATION_TYPES.filter((t) => customer.offeredIntegrationTypes.includes(t));

  let widget: React.ReactNode;
  if (!customer.application) {
    widget = (
      <Explanation title="The LinkedIn panel cannot load yet">
        <p>
          LinkedIn shows its panel only for your company&apos;s own LinkedIn application, and your vendor has not set it
          up for {customer.displayName} yet.
        </p>
        <p>
          Nothing is wrong on your side. Your vendor&apos;s Onramp operator can fix this: ask them to create or enter
          your LinkedIn application, then come back to this page.
        </p>
      </Explanation>
    );
  } else if (offered.length === 0) {
    widget = (
      <Explanation title="No LinkedIn integrations are offered to you yet">
        <p>
          Your vendor decides which LinkedIn integrations are offered to each company. Ask your vendor&apos;s Onramp
          operator to offer the ones you need.
        </p>
      </Explanation>
    );
  } else {
    widget = (
      <LinkedInWidget
        apiKey={customer.application.clientId}
        platformUrl={env().LINKEDIN_PLATFORM_URL}
        extensionUrl={widgetExtensionUrl(env())}
        bundledTypes={offered}
        width={WIDGET_WIDTH}
        nonce={nonce}
        listKey={integrationsKey(customer.id)}
        authorize={authorizeWidgetIntegrations}
      />
    );
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="page-heading" className="space-y-3">
        <h1 id="page-heading" className="text-2xl font-semibold">
          {customer.displayName}: LinkedIn integrations
        </h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Authorize the LinkedIn integrations your company wants in the LinkedIn panel below. Onramp stores them, sends
          their names and settings to LinkedIn, and shows here how far each one is. Once an integration is ready, enable
          it in the LinkedIn product.
        </p>
        {widget}
      </section>
      <IntegrationList
        customerId={customer.id}
        initial={initial}
        actions={{
          rename: renameIntegrationAction,
          editConfiguration: editConfigurationAction,
          checkStatus: checkStatusNowAction,
        }}
      />
    </div>
  );
}
