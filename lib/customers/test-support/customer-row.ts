// Test rows: a customer and nothing else (no application, no admins), with a unique foreign id and callback key.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

export function createCustomerRow(
  displayName: string,
  more: { foreignId?: string; offeredIntegrationTypes?: string[] } = {},
) {
  const tag = randomUUID();
  return db.customer.create({
    data: {
      displayName,
      foreignId: more.foreignId ?? `test-${tag}`,
      callbackKey: `cb-${tag}`,
      offeredIntegrationTypes: more.offeredIntegrationTypes ?? [],
    },
  });
}

/** An RSC integration row of a customer's organization `tag` (no LinkedIn behind it), named `name`. */
export function createRscIntegrationRow(customerId: string, tag: string, name: string) {
  return db.integration.create({
    data: {
      customerId,
      integrationContext: `urn:li:organization:${tag}`,
      integrationType: "RECRUITER_SYSTEM_CONNECT",
      tenantType: "RECRUITER",
      name,
    },
  });
}
