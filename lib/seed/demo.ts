import "server-only";
// Demo data for the embedded default (README's first command) and the end-to-end tests: an operator,
// a support user, one demo customer with its admin and its LinkedIn customer application. Idempotent.
// These passwords exist only here; production operators are created with scripts/create-operator.ts.
import { db } from "@/lib/db/client";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { hashPassword } from "@/lib/auth/password";
import { newCallbackKey } from "@/lib/customers/callback-url";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";

export const DEMO_PASSWORD = "onramp-demo-password";

export const DEMO = {
  operator: { email: "operator@onramp.test", password: DEMO_PASSWORD },
  support: { email: "support@onramp.test", password: DEMO_PASSWORD },
  customer: {
    displayName: "Acme Corp",
    foreignId: "acme-001",
    offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY", "RECRUITER_SYSTEM_CONNECT_CONTRACT", "APPLY_CONNECT"],
    admin: { email: "admin@acme.test", password: DEMO_PASSWORD },
    // The sandbox is told about these keys at start (C1: keys entered by hand).
    application: { clientId: "acme-demo-client", clientSecret: "acme-demo-secret-0123456789abcdef" },
  },
} as const;

async function upsertUser(
  email: string,
  password: string,
  role: "OPERATOR" | "SUPPORT" | "CUSTOMER_ADMIN",
  customerId: string | null,
) {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  return db.user.create({
    data: { email, role, customerId, passwordHash: await hashPassword(password), name: email.split("@")[0] },
  });
}

export async function seedDemo(): Promise<{ customerId: string }> {
  await upsertUser(DEMO.operator.email, DEMO.operator.password, "OPERATOR", null);
  await upsertUser(DEMO.support.email, DEMO.support.password, "SUPPORT", null);

  const c = DEMO.customer;
  const customer =
    (await db.customer.findUnique({ where: { foreignId: c.foreignId } })) ??
    (await db.customer.create({
      data: {
        displayName: c.displayName,
        foreignId: c.foreignId,
        offeredIntegrationTypes: [...c.offeredIntegrationTypes],
        callbackKey: newCallbackKey(),
      },
    }));
  const app = await db.customerApplication.findUnique({ where: { customerId: customer.id } });
  if (!app) {
    const created = await db.customerApplication.create({
      data: {
        customerId: customer.id,
        clientId: c.application.clientId,
        clientSecretEnc: "pending",
        clientSecretHint: secretHint(c.application.clientSecret),
        origin: "MANUAL",
      },
    });
    await db.customerApplication.update({
      where: { id: created.id },
      data: { clientSecretEnc: encryptSecret(c.application.clientSecret, customerAppSecretContext(created.id)) },
    });
  }
  await upsertUser(c.admin.email, c.admin.password, "CUSTOMER_ADMIN", customer.id);
  return { customerId: customer.id };
}

export function demoLoginLines(publicUrl: string): string[] {
  return [
    `Onramp is running at ${publicUrl}`,
    `  operator        ${DEMO.operator.email} / ${DEMO.operator.password}`,
    `  support         ${DEMO.support.email} / ${DEMO.support.password}`,
    `  customer admin  ${DEMO.customer.admin.email} / ${DEMO.customer.admin.password}  (${DEMO.customer.displayName})`,
  ];
}
