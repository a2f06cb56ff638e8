// A customer application known to both the LinkedIn sandbox and Onramp's database, with integrations the
// customer authorized in the sandbox (what its plugin would have recorded).
import { randomUUID } from "node:crypto";
import type { SandboxAdmin } from "@/lib/notifications/test-support/fixtures";
import { type IntegrationTuple, integrationTuple } from "../compound-key";
import { createTestApplication } from "./applications";

/** Even tuples are ONE_CLICK_EXPORT, odd ones IN_ATS_INDICATOR, unless `typeOf` says otherwise. */
export async function sandboxCustomerWithIntegrations(
  admin: SandboxAdmin,
  count: number,
  typeOf: (n: number) => string = (n) => (n % 2 === 0 ? "ONE_CLICK_EXPORT" : "IN_ATS_INDICATOR"),
) {
  const clientId = `sbx-${randomUUID()}`;
  const clientSecret = `sbx-secret-${randomUUID()}`;
  await admin("POST", "/applications", { clientId, clientSecret });
  const app = await createTestApplication({ clientId, clientSecret });
  const prefix = randomUUID().slice(0, 8);
  const tuples: IntegrationTuple[] = Array.from({ length: count }, (_, n) =>
    integrationTuple({
      integrationContext: `urn:li:organization:${prefix}${n}`,
      integrationType: typeOf(n),
      tenantType: "RECRUITER",
    }),
  );
  for (const { integrationContext, integrationType, tenantType } of tuples)
    await admin("POST", "/integrations", { clientId, integrationContext, integrationType, tenantType });
  return { app, tuples };
}

/** A notification request the sandbox holds about `tuples` of the application (C19: what q=request resolves). */
export async function sandboxRequestAbout(
  admin: SandboxAdmin,
  clientId: string,
  tuples: readonly IntegrationTuple[],
): Promise<string> {
  const integrations = tuples.map(({ integrationContext, integrationType, tenantType }) => ({
    integrationContext,
    integrationType,
    tenantType,
  }));
  return (await admin<{ requestId: string }>("POST", "/requests", { clientId, integrations })).requestId;
}
