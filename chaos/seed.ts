// Bulk setup of the chaos run, directly in the database and the sandbox's memory: what is NOT under test
// (customers, their LinkedIn applications entered by hand, their admins, what they authorized at LinkedIn).
// The integrations themselves reach Onramp through the real intake (chaos/intake.ts).
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { encryptSecret } from "@/lib/crypto/secrets";
import { newCallbackKey } from "@/lib/customers/callback-url";
import { db } from "@/lib/db/client";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";
import type { SandboxState } from "@/sandbox/state";

/** The RSC company bundle's three integrations on one organization (C7, L12). */
export const BUNDLE_TYPES = ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"] as const;

export type ChaosCustomer = {
  id: string;
  clientId: string;
  clientSecret: string;
  callbackKey: string;
  adminUserId: string;
  adminEmail: string;
  tuples: { integrationContext: string; integrationType: string; tenantType: string }[];
};

/**
 * `count` customers; the first `toProvision` get no application (the run provisions theirs through the vendor
 * API: chaos/provisioning.ts), the others one entered by hand (C1), known to the sandbox with its tuples.
 */
export async function seedCustomers(
  count: number,
  toProvision: number,
  sandbox: SandboxState,
): Promise<ChaosCustomer[]> {
  const run = randomBytes(3).toString("hex");
  const customers: ChaosCustomer[] = Array.from({ length: count }, (_, i) => {
    const tag = `${run}-${i}`;
    return {
      id: randomUUID(),
      clientId: `78chaos${tag}`,
      clientSecret: randomBytes(12).toString("base64url"),
      callbackKey: newCallbackKey(),
      adminUserId: randomUUID(),
      adminEmail: `admin-${tag}@chaos.test`,
      tuples: BUNDLE_TYPES.map((integrationType) => ({
        integrationContext: `urn:li:organization:${9_000_000 + i}`,
        integrationType,
        tenantType: "RECRUITER",
      })),
    };
  });
  for (let i = 0; i < customers.length; i += 500) {
    const batch = customers.slice(i, i + 500);
    await db.customer.createMany({
      data: batch.map((c, k) => ({
        id: c.id,
        displayName: `Chaos customer ${i + k}`,
        foreignId: `chaos-${c.clientId}`,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
        callbackKey: c.callbackKey,
      })),
    });
    await db.customerApplication.createMany({
      data: batch.slice(Math.max(0, toProvision - i)).map((c) => {
        const appId = randomUUID();
        return {
          id: appId,
          customerId: c.id,
          clientId: c.clientId,
          clientSecretEnc: encryptSecret(c.clientSecret, customerAppSecretContext(appId)),
          clientSecretHint: "…",
          origin: "MANUAL" as const,
        };
      }),
    });
    await db.user.createMany({
      data: batch.map((c) => ({ id: c.adminUserId, email: c.adminEmail, role: "CUSTOMER_ADMIN", customerId: c.id })),
    });
  }
  for (const c of customers.slice(toProvision)) {
    sandbox.putApplication({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      kind: "customer",
      createdBy: "admin",
    });
    // The customer authorized the bundle in LinkedIn's widget (C7); onintegrate then hands Onramp the tuples.
    for (const t of c.tuples) sandbox.authorizeIntegration(c.clientId, t);
  }
  return customers;
}

/**
 * A session cookie for the customer's admin, as next-auth would set after sign-in (JWT strategy,
 * lib/auth/options.ts). Signing in 2,000 people (argon2) is not what this run tests.
 */
export async function sessionCookie(c: ChaosCustomer, secret: string): Promise<string> {
  const token = await encode({
    secret,
    token: { sub: c.adminUserId, uid: c.adminUserId, email: c.adminEmail, role: "CUSTOMER_ADMIN", customerId: c.id },
    maxAge: 3600,
  });
  return `next-auth.session-token=${token}`;
}
