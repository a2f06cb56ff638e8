// The stack of the widget-intake test files (test-support/sync-harness.ts, confirm.db.test.ts): a database of their own,
// migrated, so no other test file's job workers (which point at other LinkedIn stand-ins) take their jobs; the
// LinkedIn sandbox started in this process; Onramp's environment pointing at both; and customers known to both,
// each with a LinkedIn application entered by hand (C1) and a customer admin. Modules that read the environment
// on first use are imported only after it is set.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { migrate } from "@/lib/db/migrate";
import { setProcessEnv } from "@/lib/env";
import { type SandboxHandle, startSandbox } from "@/sandbox/server";
import { createScratchDatabase } from "@/test/scratch-database";

export type IntakeCustomer = { customerId: string; clientId: string; name: string; callbackKey: string; actor: Actor };

export type IntakeStack = {
  sandbox: SandboxHandle;
  /** The sandbox's admin API (docs/SANDBOX.md); throws on anything but 2xx. */
  sandboxPost(path: string, body: unknown): Promise<unknown>;
  customer(offeredIntegrationTypes: string[]): Promise<IntakeCustomer>;
  /** Drops the faults a test injected into the sandbox. */
  clearFaults(): Promise<void>;
  close(): Promise<void>;
};

/** `env` adds to or overrides the LinkedIn settings below (the contract's spacing, C13; short backoff). */
export async function startIntakeStack(env: Record<string, string> = {}): Promise<IntakeStack> {
  const scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url });
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", allowInsecureCallbacks: true });
  setProcessEnv({
    DATABASE_URL: scratch.url,
    LINKEDIN_API_URL: sandbox.url,
    LINKEDIN_OAUTH_URL: sandbox.url,
    LINKEDIN_PLATFORM_URL: sandbox.url,
    LINKEDIN_BATCH_SPACING_MS: "1000", // the contract's spacing (C13), not a shortened one
    LINKEDIN_MAX_ATTEMPTS: "3",
    LINKEDIN_BACKOFF_BASE_MS: "50",
    ...env,
  });
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { encryptSecret } = await import("@/lib/crypto/secrets");
  const { newCallbackKey } = await import("@/lib/customers/callback-url");
  const { stopBoss } = await import("@/lib/jobs/boss");

  const sandboxPost = async (path: string, body: unknown): Promise<unknown> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  const customer = async (offeredIntegrationTypes: string[]): Promise<IntakeCustomer> => {
    const tag = randomBytes(5).toString("hex");
    const name = `Customer ${tag}`;
    const callbackKey = newCallbackKey();
    const created = await db.customer.create({
      data: { displayName: name, foreignId: `f-${tag}`, offeredIntegrationTypes, callbackKey },
    });
    const clientId = `client-${tag}`;
    const secret = `secret-${tag}-0123456789abcdef`;
    const applicationId = `app-${tag}`;
    await db.customerApplication.create({
      data: {
        id: applicationId,
        customerId: created.id,
        clientId,
        clientSecretEnc: encryptSecret(secret, `customer-app-secret:${applicationId}`),
        clientSecretHint: secret.slice(-4),
        origin: "MANUAL",
      },
    });
    await sandboxPost("/_sandbox/applications", { clientId, clientSecret: secret });
    const user = await db.user.create({
      data: { email: `admin-${tag}@example.test`, role: "CUSTOMER_ADMIN", customerId: created.id },
    });
    return {
      customerId: created.id,
      clientId,
      name,
      callbackKey,
      actor: { userId: user.id, email: user.email, role: "CUSTOMER_ADMIN", customerId: created.id },
    };
  };

  return {
    sandbox,
    sandboxPost,
    customer,
    clearFaults: async () => {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: "DELETE" });
    },
    close: async () => {
      await stopBoss();
      await disconnectDb();
      await sandbox.close();
      await scratch.drop();
    },
  };
}
