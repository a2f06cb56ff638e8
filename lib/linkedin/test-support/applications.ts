// Test rows: a customer with a LinkedIn application whose secret is encrypted as production does it.
import { randomUUID } from "node:crypto";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { customerAppSecretContext } from "../secret-contexts";
import type { LinkedInApplicationRef } from "../token";

export async function createTestApplication(
  opts: { clientId?: string; clientSecret?: string; offeredIntegrationTypes?: string[] } = {},
): Promise<LinkedInApplicationRef & { clientSecret: string; customerId: string }> {
  const suffix = randomUUID();
  const clientId = opts.clientId ?? `client-${suffix}`;
  const clientSecret = opts.clientSecret ?? `secret-${suffix}`;
  const applicationId = `app-${suffix}`;
  const customer = await db.customer.create({
    data: {
      displayName: `Customer ${suffix}`,
      foreignId: `foreign-${suffix}`,
      callbackKey: `cb-${suffix}`,
      offeredIntegrationTypes: opts.offeredIntegrationTypes ?? [],
    },
  });
  await db.customerApplication.create({
    data: {
      id: applicationId,
      customerId: customer.id,
      clientId,
      clientSecretEnc: encryptSecret(clientSecret, customerAppSecretContext(applicationId)),
      clientSecretHint: secretHint(clientSecret),
      origin: "MANUAL",
    },
  });
  return { id: applicationId, clientId, clientSecret, customerId: customer.id };
}
