import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { EasyApplySection } from "@/components/integrations/easy-apply-section";
import { IntegrationList } from "@/components/integrations/integration-list";
import { LinkedInWidget } from "@/components/integrations/linkedin-widget";
import { currentActor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/guard";
import { brandedTitle } from "@/lib/branding/page-title";
import { brandingFor } from "@/lib/branding/branding";
import { Role } from "@/lib/auth/roles";
import { easyApplyState } from "@/lib/customers/easy-apply";
import { env } from "@/lib/env";
import { integrationList, widgetCustomer } from "@/lib/integrations/queries";
import { BUNDLED_INTEGRATION_TYPES } from "@/lib/integrations/types";
import { integrationsKey } from "@/lib/integrations/view";
import { NONCE_HEADER } from "@/lib/integrations/widget-csp";
import { widgetExtensionUrl } from "@/lib/integrations/widget-extension";
import { openFlowVisit } from "@/lib/onboarding-flow/record";
import {
  authorizeWidgetIntegrations,
  checkStatusNowAction,
  editConfigurationAction,
  renameIntegrationAction,
  reportLinkedInScriptAction,
  setEasyApplyAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const [t, actor] = await Promise.all([getTranslations("Integrations"), currentActor()]);
  return { title: await brandedTitle(t("title"), actor?.customerId ?? null) };
}

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
  // Issue 22: the visit's first step; the browser reports LinkedIn's script's outcome for this visit id.
  const [initial, nonce, easyApply, visitId] = await Promise.all([
    integrationList(customer.id),
    headers().then((h) => h.get(NONCE_HEADER) ?? undefined),
    easyApplyState(customer.id),
    openFlowVisit(actor, customer.id),
  ]);
  const offered = BUNDLED_INTEGRATION_TYPES.filter((type) => customer.offeredIntegrationTypes.includes(type));

  const [t, shell, brand] = await Promise.all([
    getTranslations("Integrations"),
    getTranslations("Shell"),
    brandingFor(customer.id),
  ]);
  let widget: React.ReactNode;
  if (!customer.application) {
    widget = (
      <Explanation title={t("noApplicationTitle")}>
        <p>{t("noApplication", { customer: customer.displayName })}</p>
        <p>{t("noApplicationFix")}</p>
      </Explanation>
    );
  } else if (offered.length === 0) {
    widget = (
      <Explanation title={t("notOfferedTitle")}>
        <p>{t("notOffered")}</p>
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
        flow={{
          visitId,
          renderTimeoutMs: env().LINKEDIN_WIDGET_RENDER_TIMEOUT_MS,
          report: reportLinkedInScriptAction,
        }}
      />
    );
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="page-heading" className="space-y-3">
        <h1 id="page-heading" className="text-2xl font-semibold">
          {t("heading", { customer: customer.displayName })}
        </h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        {brand.supportContact ? (
          <p className="text-sm text-slate-700" data-testid="support-contact">
            {shell("support", { contact: brand.supportContact })}
          </p>
        ) : null}
        {widget}
      </section>
      {easyApply.applies ? <EasyApplySection enabled={easyApply.enabled} action={setEasyApplyAction} /> : null}
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
