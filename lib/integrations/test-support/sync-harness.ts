// The set-up the sync test files share (widget-intake, name-sync, config-sync, sync-crash .db.test.ts): issue #4 on
// real Postgres and the LinkedIn sandbox started in this process, in a database of their own (intake-stack.ts) so no
// other test file's job workers (which point at other LinkedIn stand-ins) can take their jobs; and the helpers
// their tests use to hand tuples over and read what reached LinkedIn. `m` and `stack` are set by useSyncStack's
// beforeAll (one stack per test file: vitest runs each file in its own module graph).
import { afterAll, afterEach, beforeAll } from "vitest";
import { ACTIVE_JOB_STATUSES } from "@/lib/jobs/status";
import { eventually } from "@/test/eventually";
import { killOnrampProcesses } from "@/test/onramp-process";
import { type IntakeCustomer, type IntakeStack, startIntakeStack } from "./intake-stack";

// Modules that read the environment on first use are imported after it is set (beforeAll).
type Mods = {
  db: typeof import("@/lib/db/client");
  intake: typeof import("../intake");
  mutations: typeof import("../mutations");
  worker: typeof import("@/server/worker");
  boss: typeof import("@/lib/jobs/boss");
  callback: typeof import("@/lib/linkedin/callback-url");
};
export let m: Mods;
export let stack: IntakeStack;

export const ALL_BUNDLES = ["RECRUITER_SYSTEM_CONNECT_COMPANY", "RECRUITER_SYSTEM_CONNECT_CONTRACT", "APPLY_CONNECT"];

export const sandboxPost = (path: string, body: unknown) => stack.sandboxPost(path, body);

export type SandboxCall = { at: number; status: number; entityCount: number | null; fault: boolean; endpoint: string };
export async function batchCalls(clientId: string, endpoint = "batch_partial_update"): Promise<SandboxCall[]> {
  const res = await fetch(
    `${stack.sandbox.url}/_sandbox/calls?endpoint=${endpoint}&clientId=${encodeURIComponent(clientId)}`,
  );
  return ((await res.json()) as { calls: SandboxCall[] }).calls;
}

export type SandboxIntegration = {
  clientId: string;
  integrationContext: string;
  integrationType: string;
  integrationName: string | null;
  configurations: Record<string, { string?: string }>;
};
export async function sandboxIntegrations(clientId: string): Promise<SandboxIntegration[]> {
  const res = await fetch(`${stack.sandbox.url}/_sandbox/state`);
  return ((await res.json()) as { integrations: SandboxIntegration[] }).integrations.filter(
    (i) => i.clientId === clientId,
  );
}

export type TestCustomer = IntakeCustomer;
export const makeCustomer = (offered: string[] = ALL_BUNDLES): Promise<TestCustomer> => stack.customer(offered);

export const org = (id: string) => ({
  integrationContext: `urn:li:organization:${id}`,
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});

/**
 * A type with no configuration keys in LinkedIn's table (L14), for the bulk tests: their LinkedIn calls
 * are the name batches alone, and no 250-call configuration sync (one paced PUT per integration, L15,
 * C13) outlives the test and holds up the next one's quiet().
 */
export const plugin = (id: string) => ({ ...org(id), integrationType: "PROFILE_PLUGIN" });

/** LinkedIn records the customer's authorization of these tuples, as its plugin does (sandbox). */
export async function authorizeAtLinkedIn(c: TestCustomer, tuples: ReturnType<typeof org>[]): Promise<void> {
  for (const t of tuples) await sandboxPost("/_sandbox/integrations", { clientId: c.clientId, ...t });
}

/** The customer authorizes tuples in LinkedIn's plugin: LinkedIn knows them (sandbox) and the page forwards them (intake). */
export async function authorizeInWidget(c: TestCustomer, tuples: ReturnType<typeof org>[]) {
  await authorizeAtLinkedIn(c, tuples);
  const out = [];
  for (let i = 0; i < tuples.length; i += 50)
    out.push(await m.intake.recordWidgetIntegrations(c.actor, { integrations: tuples.slice(i, i + 50) }));
  return out;
}

export async function integrationsOf(customerId: string) {
  return m.db.db.integration.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
}

export async function allNamesSynced(customerId: string, count: number) {
  const rows = await integrationsOf(customerId);
  return rows.length === count &&
    rows.every((r) => r.nameSyncState === "SYNCED" && r.nameSyncedVersion === r.nameVersion)
    ? rows
    : null;
}

/** For `eventually`'s failWhen: a job of this kind that ended FAILED means the awaited sync will not come. */
export function unlessJobFailed(customerId: string, kind: "SYNC_NAMES" | "SYNC_CONFIGURATIONS") {
  return async () => {
    const failed = await m.db.db.job.findFirst({ where: { customerId, kind, status: "FAILED" } });
    return failed ? `the ${kind} job ${failed.id} FAILED: ${failed.lastError}` : null;
  };
}

/** Waits until no job is queued, running or retrying, so a fault injected next hits the test's own calls. */
export async function quiet(): Promise<void> {
  await eventually(
    "no job in flight",
    async () => (await m.db.db.job.count({ where: { status: { in: [...ACTIVE_JOB_STATUSES] } } })) === 0,
  );
}

/** Once no job is in flight, a new customer authorizes `tuples` in the widget with `faults` injected at LinkedIn. */
export async function authorizedUnderFaults(
  faults: Record<string, unknown>[],
  tuples: ReturnType<typeof org>[],
): Promise<TestCustomer> {
  await quiet();
  const c = await makeCustomer();
  for (const fault of faults) await sandboxPost("/_sandbox/faults", fault);
  await authorizeInWidget(c, tuples);
  return c;
}

/** Waits until the customer's first integration is as `ready` wants it, and answers it. */
export function firstIntegrationWhen(
  c: TestCustomer,
  what: string,
  ready: (row: Awaited<ReturnType<typeof integrationsOf>>[number]) => boolean,
) {
  return eventually(what, async () => {
    const [row] = await integrationsOf(c.customerId);
    return row && ready(row) ? row : null;
  });
}

/**
 * Starts the stack for this test file and stops it after; `workers` also starts this process's job workers
 * (the sync tests). Faults a test injected into the sandbox are dropped after it.
 */
export function useSyncStack(options: { workers?: boolean } = {}): void {
  beforeAll(async () => {
    stack = await startIntakeStack({
      JOBS_MAX_ATTEMPTS: "3",
      JOBS_RETRY_DELAY_SECONDS: "1",
      // Long enough that no attempt expires however loaded the machine is; the crash test makes the
      // killed job overdue itself instead of waiting for a short expiry.
      JOBS_EXPIRE_SECONDS: "600",
    });
    m = {
      db: await import("@/lib/db/client"),
      intake: await import("../intake"),
      mutations: await import("../mutations"),
      worker: await import("@/server/worker"),
      boss: await import("@/lib/jobs/boss"),
      callback: await import("@/lib/linkedin/callback-url"),
    };
    // The key table (L14: CALLBACK_URL and the viewers keys) comes from the migrations (prisma/migrations).
    if (options.workers) await m.worker.startWorkers();
  });

  afterEach(async () => {
    await stack.clearFaults();
  });

  afterAll(async () => {
    killOnrampProcesses();
    await stack?.close();
  });
}
