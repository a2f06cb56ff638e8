// Starts the LinkedIn sandbox for the demo and the end-to-end tests, and points Onramp at it through
// the same base URLs it would use for LinkedIn (issue #3).
import { startSandbox } from "@/sandbox/server";

export const SANDBOX_PARENT_APP = { clientId: "sandbox-parent-id", clientSecret: "sandbox-parent-secret" };

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

export async function startLinkedInSandbox(opts: { port: number; stateFile?: string; retryDelayMs?: number }) {
  const sandbox = await startSandbox({
    port: opts.port,
    host: "127.0.0.1",
    parentClientId: SANDBOX_PARENT_APP.clientId,
    parentClientSecret: SANDBOX_PARENT_APP.clientSecret,
    allowInsecureCallbacks: true,
    ...(opts.stateFile ? { stateFile: opts.stateFile } : {}),
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
  });
  return sandbox;
}

/** The env that points Onramp at the sandbox instead of LinkedIn. */
export function sandboxEnv(url: string): Record<string, string> {
  return {
    LINKEDIN_API_URL: url,
    LINKEDIN_OAUTH_URL: url,
    LINKEDIN_PLATFORM_URL: url,
    LINKEDIN_CLIENT_ID: SANDBOX_PARENT_APP.clientId,
    LINKEDIN_CLIENT_SECRET: SANDBOX_PARENT_APP.clientSecret,
  };
}

/** Tells the sandbox about keys that were "entered by hand" (C1), as LinkedIn would already know them. */
export async function registerSandboxApplication(
  sandboxUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/applications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, clientSecret }),
  });
  if (!res.ok && res.status !== 409)
    throw new Error(`sandbox refused the demo application: ${res.status} ${await res.text()}`);
}

/**
 * Seeds the demo data (lib/seed/demo.ts) on the database the environment names, tells the sandbox (when there is
 * one) about the demo customer's keys, and lets the database go: the launcher, the e2e run and the benches hand it
 * to `next` next. Imported late, so the environment is set before the database client reads it.
 */
export async function seedDemoKnownToSandbox(sandboxUrl: string | undefined): Promise<void> {
  const { seedDemo, DEMO } = await import("@/lib/seed/demo");
  await seedDemo();
  if (sandboxUrl)
    await registerSandboxApplication(
      sandboxUrl,
      DEMO.customer.application.clientId,
      DEMO.customer.application.clientSecret,
    );
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
}
