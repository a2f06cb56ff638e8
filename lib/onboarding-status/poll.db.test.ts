// The fallback poll (C28, C19b) against the LinkedIn sandbox with pushes dropped: it finds what the
// push would have said, in paced batches, within the daily budget, one poll at a time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { ENDPOINTS } from "@/lib/linkedin";
import { setTestEnv, useLinkedInAt } from "@/lib/linkedin/test-support/env";
import {
  cancelQueuedJobs,
  newTuple,
  requestedIntegration,
  sandboxAdmin,
  testCustomer,
} from "@/lib/notifications/test-support/fixtures";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { definePollStatusJob, recheckStatusJob } from "./jobs";
import { describePoll, runPoll } from "./poll";
import { tryPollLock } from "./poll-lock";
import { enqueuePoll, recheckIntegration } from "./requests";
import { startSchedule } from "@/lib/jobs/schedule";
import { fallbackPoll } from "@/server/composition";
import { POLL_SCHEDULE_QUEUE, onPollTick, pollCron } from "./schedule";

let sandbox: SandboxHandle;
const admin = sandboxAdmin(() => sandbox.url);
const noProgress = { progress: async () => {} };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, dropNotifications: true });
  useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "300" });
});
afterAll(async () => {
  await sandbox?.close();
  await stopBoss();
  await disconnectDb();
});

type Call = { at: number; endpoint: string; entityCount: number | null };
async function idsCalls(clientId: string): Promise<Call[]> {
  const { calls } = await admin<{ calls: Call[] }>(
    "GET",
    `/calls?endpoint=lookup_ids&clientId=${encodeURIComponent(clientId)}`,
  );
  return calls;
}

/** A customer with `count` integrations, known to LinkedIn (the sandbox) and to Onramp under `name`. */
async function customerWithIntegrations(count: number, name: string) {
  const c = await testCustomer(admin);
  const tuples = Array.from({ length: count }, (_, k) => newTuple(k));
  for (const t of tuples) await admin("POST", "/integrations", { clientId: c.clientId, ...t });
  await db.integration.createMany({ data: tuples.map((t) => ({ customerId: c.customerId, ...t, name })) });
  return c;
}

describe("the fallback poll", () => {
  it("C28: with pushes dropped, the poll applies what changed with source POLL and leaves the rest", async () => {
    const c = await testCustomer(admin);
    const { integration: enabled, tuple } = await requestedIntegration(admin, c, newTuple(1), "PARTNER_READY");
    const { integration: ready } = await requestedIntegration(admin, c, newTuple(2), "PARTNER_READY", "REQUESTED");
    const { integration: still } = await requestedIntegration(admin, c, newTuple(3));
    const moved = await admin<{ notification: unknown }>("POST", "/integrations/move", {
      clientId: c.clientId,
      ...tuple,
      status: "ENABLED",
    });
    expect(moved.notification).toBeNull(); // no CALLBACK_URL: nothing pushed, as when pushes are lost

    const summary = await runPoll({ customerId: c.customerId }, noProgress);
    expect(summary).toMatchObject({
      alreadyRunning: false,
      applications: 1,
      checked: 3,
      changed: 2,
      failed: 0,
      deferred: 0,
    });
    const rows = await db.integration.findMany({ where: { id: { in: [enabled.id, ready.id, still.id] } } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[enabled.id]).toMatchObject({ onboardingStatus: "ENABLED", statusSource: "POLL" });
    expect(byId[ready.id]).toMatchObject({ onboardingStatus: "PARTNER_READY", statusSource: "POLL" });
    expect(byId[still.id]).toMatchObject({ onboardingStatus: "REQUESTED", statusSource: "WIDGET" });
    expect(byId[still.id]!.lastCheckedAt).not.toBeNull();
    const history = await db.integrationStatusChange.findMany({ where: { integrationId: enabled.id } });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.source])).toEqual([["PARTNER_READY", "ENABLED", "POLL"]]);

    // Polling again changes nothing and writes no history (idempotent).
    const again = await runPoll({ customerId: c.customerId }, noProgress);
    expect(again).toMatchObject({ checked: 2, changed: 0 });
    expect(await db.integrationStatusChange.count({ where: { integrationId: { in: [enabled.id, ready.id] } } })).toBe(
      2,
    );
  });

  it("C13/C19b: 150 integrations go in two batches (100 + 50), paced by the client", async () => {
    const c = await customerWithIntegrations(150, "Batch test");
    const summary = await runPoll({ customerId: c.customerId }, noProgress);
    expect(summary).toMatchObject({ checked: 150, failed: 0 });
    const calls = await idsCalls(c.clientId);
    expect(calls.map((k) => k.entityCount)).toEqual([100, 50]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it("C26/C30: an application whose lookups today reached the budget is skipped with the reason, without asking LinkedIn", async () => {
    const c = await testCustomer(admin);
    const { integration } = await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");
    setTestEnv({ LINKEDIN_DAILY_CALL_BUDGET: "3" });
    // One instant for the count's day and the poll's, so a run across midnight UTC asks about the same day.
    const at = new Date();
    try {
      await db.linkedInCallCount.create({
        data: {
          clientId: c.clientId,
          endpoint: ENDPOINTS.lookupByIds,
          day: new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`),
          count: 3,
        },
      });
      const summary = await runPoll({ customerId: c.customerId }, noProgress, () => at);
      expect(summary).toMatchObject({ checked: 0, changed: 0, deferred: 1 });
      expect(summary.skips[0]!.reason).toMatch(/used 3 of its 3 status lookups today/);
      expect(describePoll(summary)).toMatch(/1 left for the next poll \(daily budget\)/);
      expect(await idsCalls(c.clientId)).toHaveLength(0);
      expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
        "PARTNER_READY",
      );
    } finally {
      setTestEnv({ LINKEDIN_DAILY_CALL_BUDGET: undefined });
    }
  });

  it("stops within the budget: with one lookup left, only the first 100 of 120 are asked", async () => {
    const c = await customerWithIntegrations(120, "Budget test");
    setTestEnv({ LINKEDIN_DAILY_CALL_BUDGET: "1" });
    try {
      const summary = await runPoll({ customerId: c.customerId }, noProgress);
      expect(summary).toMatchObject({ checked: 100, deferred: 20 });
      expect(summary.skips[0]!.reason).toMatch(/stopped after 100 of 120/);
      expect(await idsCalls(c.clientId)).toHaveLength(1);
    } finally {
      setTestEnv({ LINKEDIN_DAILY_CALL_BUDGET: undefined });
    }
  });

  it("only one poll of a scope runs at a time: a poll that finds its lock held does nothing", async () => {
    const c = await testCustomer(admin);
    const { integration } = await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");
    const held = await tryPollLock({ customerId: c.customerId });
    expect(held).not.toBeNull();
    try {
      expect(await tryPollLock({ customerId: c.customerId })).toBeNull();
      const summary = await runPoll({ customerId: c.customerId }, noProgress);
      expect(summary.alreadyRunning).toBe(true);
      expect(describePoll(summary)).toMatch(/Another poll was running/);
      expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
        "PARTNER_READY",
      );
    } finally {
      await held!.release();
    }
    // Two polls started together: exactly one does the work.
    const [a, b] = await Promise.all([
      runPoll({ customerId: c.customerId }, noProgress),
      runPoll({ customerId: c.customerId }, noProgress),
    ]);
    expect([a.alreadyRunning, b.alreadyRunning].sort()).toEqual([false, true]);
    expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
      "ENABLED",
    );
    const lock = await tryPollLock({ customerId: c.customerId });
    expect(lock).not.toBeNull(); // released after the poll
    await lock!.release();
  });

  it("a customer's own check does not make the scheduled poll of everyone skip (issue 11 item 4)", async () => {
    const c = await testCustomer(admin);
    const other = await testCustomer(admin);
    const { integration } = await requestedIntegration(admin, other, newTuple(), "ENABLED", "PARTNER_READY");
    const customersCheck = await tryPollLock({ customerId: c.customerId }); // "Check with LinkedIn now" running
    expect(customersCheck).not.toBeNull();
    try {
      // The all-customers lock is free while one customer's check runs.
      const everyone = await tryPollLock();
      expect(everyone).not.toBeNull();
      await everyone!.release();
      // The other customer's own check is not held back either, and brings its change in.
      const summary = await runPoll({ customerId: other.customerId }, noProgress);
      expect(summary.alreadyRunning).toBe(false);
      expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
        "ENABLED",
      );
    } finally {
      await customersCheck!.release();
    }
  });

  it("the POLL_STATUS job records what it did on its row; enqueuePoll tracks it", async () => {
    const c = await testCustomer(admin);
    await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");
    const { trackedJobId } = await enqueuePoll({ customerId: c.customerId }, "test-user");
    await cancelQueuedJobs({ kind: "POLL_STATUS", customerId: c.customerId });
    const queued = await db.job.findUniqueOrThrow({ where: { id: trackedJobId } });
    expect(queued).toMatchObject({
      kind: "POLL_STATUS",
      customerId: c.customerId,
      payload: { customerId: c.customerId },
      triggeredBy: "test-user",
      queueJobId: expect.any(String),
    });
    await definePollStatusJob().run(
      { customerId: c.customerId },
      {
        trackedJobId,
        kind: "POLL_STATUS",
        customerId: c.customerId,
        attempt: 1,
        maxAttempts: 5,
        isLastAttempt: false,
        progress: async () => {},
      },
    );
    expect((await db.job.findUniqueOrThrow({ where: { id: trackedJobId } })).lastError).toMatch(
      /Checked 1 integration\(s\) of 1 application\(s\); 1 changed/,
    );
  });

  it("C19b: a re-check applies one integration's status with source RECHECK and the person who asked", async () => {
    const c = await testCustomer(admin);
    const { integration } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY", "REQUESTED");
    const user = await db.user.create({ data: { email: `support-${randomUUID()}@onramp.test`, role: "SUPPORT" } });
    const actor = { userId: user.id, email: user.email, role: "SUPPORT" as const, customerId: null };
    const { trackedJobId } = await recheckIntegration(integration.id, actor);
    await cancelQueuedJobs({ kind: "RECHECK_STATUS", customerId: c.customerId });
    await recheckStatusJob.run(
      { integrationId: integration.id, actorId: user.id },
      {
        trackedJobId,
        kind: "RECHECK_STATUS",
        customerId: c.customerId,
        attempt: 1,
        maxAttempts: 5,
        isLastAttempt: false,
        progress: async () => {},
      },
    );
    const history = await db.integrationStatusChange.findMany({ where: { integrationId: integration.id } });
    expect(history.map((h) => [h.toStatus, h.source, h.actorId])).toEqual([["PARTNER_READY", "RECHECK", user.id]]);
    expect(
      await db.auditLog.count({ where: { action: "integration.recheck_requested", targetId: integration.id } }),
    ).toBe(1);
    const stranger = { userId: "u", email: "x@y.test", role: "CUSTOMER_ADMIN" as const, customerId: "someone-else" };
    await expect(recheckIntegration(integration.id, stranger)).rejects.toThrow(/No such customer/);
  });
});

describe("the schedule", () => {
  it("derives cron from POLL_INTERVAL_MINUTES", () => {
    expect(pollCron(60)).toEqual({ cron: "0 * * * *", checkElapsed: false });
    expect(pollCron(15)).toEqual({ cron: "*/15 * * * *", checkElapsed: false });
    expect(pollCron(1)).toEqual({ cron: "* * * * *", checkElapsed: false });
    expect(pollCron(360)).toEqual({ cron: "0 */6 * * *", checkElapsed: false });
    expect(pollCron(45)).toEqual({ cron: "* * * * *", checkElapsed: true });
    expect(pollCron(0)).toBeNull();
  });

  it("is registered with pg-boss in Postgres, so every Onramp process shares one schedule", async () => {
    // Under vitest startSchedule does nothing (many files share this database); pretend otherwise.
    setTestEnv({ NODE_ENV: "production", POLL_INTERVAL_MINUTES: "15" });
    const boss = await getBoss();
    try {
      await startSchedule(fallbackPoll);
      const schedules = await boss.getSchedules();
      expect(schedules.find((sch) => sch.name === POLL_SCHEDULE_QUEUE)).toMatchObject({
        cron: "*/15 * * * *",
        timezone: "UTC",
      });
    } finally {
      await boss.unschedule(POLL_SCHEDULE_QUEUE);
      setTestEnv({ NODE_ENV: "test", POLL_INTERVAL_MINUTES: undefined });
    }
  });

  it("an irregular interval's tick queues a poll only once the interval has passed", async () => {
    setTestEnv({ POLL_INTERVAL_MINUTES: "45" });
    try {
      await db.job.deleteMany({ where: { kind: "POLL_STATUS", triggeredBy: "system:poll" } });
      const now = new Date();
      expect(await onPollTick(now)).toBe(true);
      expect(await onPollTick(new Date(now.getTime() + 10 * 60_000))).toBe(false);
      expect(await onPollTick(new Date(now.getTime() + 46 * 60_000))).toBe(true);
      // The scheduled polls are tracked jobs triggered by the system.
      expect(await db.job.count({ where: { kind: "POLL_STATUS", triggeredBy: "system:poll" } })).toBe(2);
    } finally {
      setTestEnv({ POLL_INTERVAL_MINUTES: undefined });
      await cancelQueuedJobs({ kind: "POLL_STATUS", triggeredBy: "system:poll" });
    }
  });
});
