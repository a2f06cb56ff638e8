// C26, L17 against the LinkedIn sandbox: a 429 that says the application's daily limit is spent holds the
// application's calls to that resource until midnight UTC (a row in Postgres, so every instance honours
// it), a protective 429 keeps the short backoff, and a job that hits the hold ends with "held until
// 00:00 UTC" and runs again then. Which 429 is which is ASSUMPTION (LINKEDIN_DAILY_LIMIT_MARKER,
// LINKEDIN_DAILY_LIMIT_AT_PERCENT).
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { customerSummary, linkedInUsage } from "@/lib/support/customer";
import { dailyLimitHolds } from "@/lib/support/daily-holds";
import { db, disconnectDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { HELD_TRIGGER } from "@/lib/jobs/held";
import { jobHandlers } from "@/server/jobs";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { runOne } from "@/lib/jobs/run";
import { type SandboxHandle, startSandbox } from "@/sandbox/server";
import { nextUtcMidnight } from "./backoff";
import { integrationTuple } from "./compound-key";
import { dailyLimitDetection } from "./daily-hold";
import { LinkedInError } from "./errors";
import { lookupStatusByRequest } from "./status-lookup";
import { createTestApplication } from "./test-support/applications";
import { setTestEnv, useLinkedInAt } from "./test-support/env";

let sandbox: SandboxHandle;

async function admin(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox admin ${path} answered ${res.status}: ${await res.text()}`);
}

const callsOf = (clientId: string) =>
  sandbox.state.calls.filter((c) => c.clientId === clientId && c.endpoint !== "token");

/** A customer application known to the sandbox and to Onramp. */
async function sandboxApplication() {
  const clientId = `hold-${randomUUID()}`;
  const clientSecret = `hold-secret-${randomUUID()}`;
  await admin("/applications", { clientId, clientSecret });
  return createTestApplication({ clientId, clientSecret });
}

/** Spends the application's daily limit at the sandbox, as calls made outside Onramp would (L17). */
const spendDailyLimit = (clientId: string) =>
  admin("/daily-usage", { clientId, resource: "v2/atsIntegrations", used: 5000 });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true });
});
afterEach(() => useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "0" }));
afterAll(async () => {
  setTestEnv({ LINKEDIN_DAILY_LIMIT_MARKER: undefined, LINKEDIN_DAILY_LIMIT_AT_PERCENT: undefined });
  await stopBoss();
  await sandbox?.close();
  await disconnectDb();
});

describe("the daily limit (C26, L17)", () => {
  it("a daily-limit 429 holds the application until midnight UTC, in the database; later calls never reach LinkedIn", async () => {
    useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await sandboxApplication();
    const other = await sandboxApplication();
    await spendDailyLimit(app.clientId);

    const first = await lookupStatusByRequest(app, "req-1").catch((e: unknown) => e);
    expect(first).toBeInstanceOf(LinkedInError);
    if (!(first instanceof LinkedInError)) return;
    const error = first;
    expect(error.heldUntil?.toISOString()).toBe(nextUtcMidnight().toISOString());
    expect(error.message).toMatch(/held until 00:00 UTC/);
    // Not retried with backoff: one call, answered 429 by the sandbox's daily count (L17).
    expect(callsOf(app.clientId).map((c) => [c.endpoint, c.status])).toEqual([["lookup_request", 429]]);

    const hold = await db.linkedInDailyHold.findUniqueOrThrow({
      where: { clientId_resource: { clientId: app.clientId, resource: "v2/atsIntegrations" } },
    });
    expect(hold).toMatchObject({ detectedBy: "marker", heldUntil: nextUtcMidnight() });

    // Another call to the same resource (any method, L17) is refused without asking LinkedIn.
    await expect(lookupStatusByRequest(app, "req-2")).rejects.toThrow(/held until 00:00 UTC/);
    expect(callsOf(app.clientId)).toHaveLength(1);
    // Another application is not held.
    await expect(lookupStatusByRequest(other, "req-3")).rejects.toMatchObject({ kind: "not_found" });
    expect(callsOf(other.clientId).map((c) => c.status)).toEqual([404]);
  });

  it("a protective 429 keeps the short backoff and holds nothing", async () => {
    useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await sandboxApplication();
    await admin("/faults", { endpoint: "lookup_request", status: 429, count: 2, throttle: "protective" });
    await expect(lookupStatusByRequest(app, "req-p")).rejects.toMatchObject({ kind: "not_found" });
    expect(callsOf(app.clientId).map((c) => c.status)).toEqual([429, 429, 404]);
    expect(await db.linkedInDailyHold.count({ where: { clientId: app.clientId } })).toBe(0);
  });

  it("ASSUMPTION, configurable: with the marker off, a 429 is the daily limit once Onramp's own count reaches the set share of the budget", async () => {
    useLinkedInAt(sandbox.url, {
      LINKEDIN_BATCH_SPACING_MS: "0",
      LINKEDIN_DAILY_LIMIT_MARKER: "",
      LINKEDIN_DAILY_LIMIT_AT_PERCENT: "50",
      LINKEDIN_DAILY_CALL_BUDGET: "6",
      LINKEDIN_MAX_ATTEMPTS: "2",
    });
    const app = await sandboxApplication();
    await spendDailyLimit(app.clientId);
    // 1, then 2 of 6 counted: below 50 %, so even the daily message is taken as protective and retried.
    await expect(lookupStatusByRequest(app, "req-a")).rejects.toMatchObject({
      kind: "rate_limited",
      heldUntil: undefined,
    });
    expect(callsOf(app.clientId)).toHaveLength(2); // the next 429 is the 3rd of 6 counted: 50 %
    await expect(lookupStatusByRequest(app, "req-b")).rejects.toMatchObject({ heldUntil: nextUtcMidnight() });
    expect(callsOf(app.clientId)).toHaveLength(3);
    expect(await db.linkedInDailyHold.findFirst({ where: { clientId: app.clientId } })).toMatchObject({
      detectedBy: "budget",
    });
    expect(
      dailyLimitDetection(
        { body: "Too many requests", usedToday: 1 },
        { marker: "day limit", atPercent: 100, budget: 5000 },
      ),
    ).toBeNull();
  });

  it("a job that hits the hold ends 'held until 00:00 UTC' and is queued again for midnight; support sees the hold", async () => {
    useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await sandboxApplication();
    const tuple = integrationTuple({
      integrationContext: `urn:li:organization:${Date.now()}`,
      integrationType: "ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
    });
    const integration = await db.integration.create({
      data: { customerId: app.customerId, ...tuple, name: "Held export", configSyncState: "PENDING" },
    });
    await spendDailyLimit(app.clientId);
    // Starts in an hour so no worker of another test file takes it; this test runs it itself.
    const { trackedJobId } = await enqueueTrackedJob({
      kind: "SYNC_CONFIGURATIONS",
      customerId: app.customerId,
      payload: { customerId: app.customerId },
      startAfterSeconds: 3600,
    });
    const handler = jobHandlers().SYNC_CONFIGURATIONS;
    if (!handler) throw new Error("no SYNC_CONFIGURATIONS handler");
    await runOne(handler, { data: { trackedJobId }, retryCount: 0, retryLimit: 4 });

    const job = await db.job.findUniqueOrThrow({ where: { id: trackedJobId } });
    expect(job.status).toBe("CANCELLED");
    expect(job.lastError).toMatch(/held until 00:00 UTC/);
    const next = await db.job.findFirstOrThrow({
      where: { customerId: app.customerId, kind: "SYNC_CONFIGURATIONS", id: { not: trackedJobId } },
    });
    expect(next).toMatchObject({ status: "QUEUED", triggeredBy: HELD_TRIGGER });
    expect(job.lastError).toContain(next.id);
    const [queued] = await db.$queryRaw<{ startAfter: Date }[]>`
      SELECT start_after AS "startAfter" FROM pgboss.job WHERE id = ${next.queueJobId}::uuid`;
    expect(Math.abs((queued?.startAfter.getTime() ?? 0) - nextUtcMidnight().getTime())).toBeLessThan(5_000);

    // The integration waits, visibly, with the same words (not FAILED: nothing for a person to fix).
    const row = await db.integration.findUniqueOrThrow({ where: { id: integration.id } });
    expect(row.configSyncState).toBe("PENDING");
    expect(row.configSyncError).toMatch(/held until 00:00 UTC/);

    // Support: the customer page and the issues view.
    const usage = await linkedInUsage((await customerSummary(app.customerId))?.application ?? null);
    expect(usage?.holds).toEqual([expect.objectContaining({ resource: "v2/atsIntegrations" })]);
    let found = false;
    for (let page = 1; !found; page += 1) {
      const holds = await dailyLimitHolds(page, 100);
      found = holds.rows.some((h) => h.customerId === app.customerId && h.resource === "v2/atsIntegrations");
      if (page >= holds.pageCount) break;
    }
    expect(found).toBe(true);
  });
});
