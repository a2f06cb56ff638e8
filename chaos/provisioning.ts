// The provisioned share of the chaos run's customers: their LinkedIn application is created through the
// vendor API (`POST /api/v1/customers/{id}/application/provisioning`, C1) while an instance is killed and
// PostgreSQL restarts; then, as for the others, the customer authorizes the bundle and the intake follows.
// A lost provisioning answer (L5) must never make a second application: the figures count duplicates.
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { db } from "@/lib/db/client";
import type { SandboxState } from "@/sandbox/state";
import { postStatus } from "./http";
import type { IntakeOutcome } from "./intake";
import type { ChaosCustomer } from "./seed";

/** The vendor's API tokens (customers:write), one per 60 customers: each token is limited to 120 calls a minute. */
export async function vendorTokens(customers: number): Promise<string[]> {
  const operator = await db.user.create({
    data: { email: `operator-${randomUUID()}@chaos.test`, role: "OPERATOR" },
    select: { id: true, email: true },
  });
  const actor = { userId: operator.id, email: operator.email, role: "OPERATOR" as const, customerId: null };
  const tokens: string[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(customers / 60)); i++) {
    const { token } = await createApiToken(actor, {
      name: `chaos ${i}`,
      scopes: ["customers:write", "customers:read"],
      expiresInDays: "30",
    });
    tokens.push(token);
  }
  return tokens;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const requestOnce = (publicUrl: string, token: string, customerId: string) =>
  postStatus(`${publicUrl}/api/v1/customers/${customerId}/application/provisioning`, {
    authorization: `Bearer ${token}`,
  });

/**
 * For each customer: ask for provisioning until the API accepts (202) or says the application exists (409),
 * asking again when the job ended without one (as the vendor would, reading the job's failure); once the
 * application is stored, the customer authorizes the bundle at LinkedIn and the widget's intake is posted.
 */
export async function provisionAndIntake(
  customers: ChaosCustomer[],
  publicUrl: string,
  tokens: string[],
  sandbox: SandboxState,
  post: (c: ChaosCustomer) => Promise<IntakeOutcome>,
): Promise<{ failures: string[] }> {
  const failures: string[] = [];
  let cursor = 0;
  const lane = async () => {
    for (let i = cursor++; i < customers.length; i = cursor++) {
      const c = customers[i];
      if (!c) break;
      const token = tokens[i % tokens.length] ?? "";
      const deadline = Date.now() + 240_000;
      let app: { clientId: string } | null = null;
      let asked = 0;
      while (!app && Date.now() < deadline) {
        const status = await requestOnce(publicUrl, token, c.id);
        if (status === 202 || status === 409) asked += 1;
        for (let k = 0; k < 20 && !app; k++) {
          await sleep(1000);
          app = await db.customerApplication
            .findUnique({ where: { customerId: c.id }, select: { clientId: true } })
            .catch(() => null);
          if (status !== 202 && status !== 409) break;
          const job = await db.job
            .findFirst({ where: { customerId: c.id, kind: "PROVISION_APPLICATION" }, orderBy: { createdAt: "desc" } })
            .catch(() => null);
          if (job && ["FAILED", "CANCELLED"].includes(job.status)) break;
        }
      }
      if (!app) {
        failures.push(`${c.id}: no application after ${asked} provisioning requests`);
        continue;
      }
      c.clientId = app.clientId;
      for (const t of c.tuples) sandbox.authorizeIntegration(c.clientId, t);
      let outcome = await post(c);
      for (let attempt = 1; !outcome.ok && attempt < 20; attempt++) {
        await sleep(500 * Math.min(attempt, 4));
        outcome = await post(c);
      }
      if (!outcome.ok) failures.push(`${c.id}: intake ${outcome.status} ${outcome.text}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, lane));
  return { failures };
}
