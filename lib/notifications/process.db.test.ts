// Push to processing against the LinkedIn sandbox (C19–C24): the sandbox pushes over HTTP to
// receiveNotification, the stored notification is processed as the PROCESS_NOTIFICATION job does.
import { eventually } from "@/test/eventually";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { configureSandboxCallbackUrl } from "@/sandbox/test-support/callback-url";
import { processNotificationJob } from "./jobs";
import { processNotification } from "./process";
import { replayNotification, retryNotification } from "./support";
import { startCallbackServer, type CallbackServer } from "./test-support/callback-server";
import { cancelQueuedJobs, newTuple, requestedIntegration, sandboxAdmin, testCustomer } from "./test-support/fixtures";

let sandbox: SandboxHandle;
let callbacks: CallbackServer;
const admin = sandboxAdmin(() => sandbox.url);
let support: { userId: string; email: string; role: "SUPPORT"; customerId: null };

const ctx = (attempt = 1, maxAttempts = 5) => ({
  attempt,
  isLastAttempt: attempt >= maxAttempts,
  progress: async () => {},
});

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 100 });
  useLinkedInAt(sandbox.url);
  callbacks = await startCallbackServer({ defer: () => {} }); // processing is run by the tests themselves
  const user = await db.user.create({ data: { email: `support-${randomUUID()}@onramp.test`, role: "SUPPORT" } });
  support = { userId: user.id, email: user.email, role: "SUPPORT", customerId: null };
});
beforeEach(async () => {
  await admin("DELETE", "/faults");
});
afterAll(async () => {
  await callbacks?.close();
  await sandbox?.close();
  await stopBoss();
  await disconnectDb();
});

type Attempt = { notificationId: string; id: string | null; attempt: number; status: number | null; outcome: string };

async function delivered(notificationId: string, n = 1): Promise<Attempt[]> {
  return eventually(`delivery of ${notificationId}`, async () => {
    const { notifications } = await admin<{ notifications: Attempt[] }>("GET", "/notifications");
    const mine = notifications.filter((a) => a.notificationId === notificationId && a.outcome === "delivered");
    return mine.length >= n ? mine : null;
  });
}

async function storedFor(customerId: string, linkedinId: string) {
  return db.notification.findUniqueOrThrow({ where: { customerId_linkedinId: { customerId, linkedinId } } });
}

async function push(c: { clientId: string; callbackKey: string }, body: Record<string, unknown>) {
  return admin<{ notificationId: string; id: string }>("POST", "/notifications", {
    clientId: c.clientId,
    url: callbacks.urlFor(c.callbackKey),
    ...body,
  });
}

/** Pushes from the sandbox and answers the notification Onramp stored once the push was delivered. */
async function pushedAndStored(
  c: { clientId: string; callbackKey: string; customerId: string },
  body: Record<string, unknown>,
) {
  const sent = await push(c, body);
  const [attempt] = await delivered(sent.notificationId);
  return storedFor(c.customerId, attempt!.id!);
}

describe("processing INTEGRATION_STATUS_CHANGE", () => {
  it("C19: a sandbox ENABLED move reaches ENABLED through the push, with source PUSH and the notification id", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY");
    // Where LinkedIn sends the push (C16): the integration's CALLBACK_URL configuration.
    await configureSandboxCallbackUrl(sandbox.url, c, tuple, callbacks.urlFor(c.callbackKey));
    const moved = await admin<{ notification: { notificationId: string } }>("POST", "/integrations/move", {
      clientId: c.clientId,
      ...tuple,
      status: "ENABLED",
    });
    const [attempt] = await delivered(moved.notification.notificationId);
    const n = await storedFor(c.customerId, attempt!.id!);
    expect(n.type).toBe("INTEGRATION_STATUS_CHANGE");
    expect(n.expiresAt).toBeNull(); // LinkedIn sends expiresAt 0 (C19): never expires

    await processNotificationJob.run(
      { notificationId: n.id },
      { ...ctx(), trackedJobId: "t", kind: "PROCESS_NOTIFICATION", customerId: c.customerId, maxAttempts: 5 },
    );
    const after = await db.integration.findUniqueOrThrow({ where: { id: integration.id } });
    expect(after).toMatchObject({ onboardingStatus: "ENABLED", statusSource: "PUSH", statusNotificationId: n.id });
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      processingState: "PROCESSED",
      appliedCount: 1,
    });
    const changes = await db.integrationStatusChange.findMany({ where: { integrationId: integration.id } });
    expect(changes.map((h) => [h.fromStatus, h.toStatus, h.source, h.notificationId])).toEqual([
      ["PARTNER_READY", "ENABLED", "PUSH", n.id],
    ]);
  });

  it("C24: five retries of one change, each with a new id, apply it once", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY");
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: "ENABLED" });
    const sent = [];
    for (let k = 0; k < 5; k += 1)
      sent.push(await push(c, { type: "INTEGRATION_STATUS_CHANGE", integrations: [tuple] }));
    const ids = new Set<string>();
    for (const s of sent) for (const a of await delivered(s.notificationId)) ids.add(a.id!);
    expect(ids.size).toBe(5);
    const stored = await db.notification.findMany({ where: { customerId: c.customerId } });
    expect(stored).toHaveLength(5);
    const outcomes = await Promise.all(stored.map((n) => processNotification(n.id, ctx())));
    expect(outcomes.map((o) => o.applied).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await db.integrationStatusChange.count({ where: { integrationId: integration.id } })).toBe(1);
    expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
      "ENABLED",
    );
  });

  it("C19: every page of the lookup is applied (25 integrations behind one id)", async () => {
    const c = await testCustomer(admin);
    const tuples = Array.from({ length: 25 }, (_, k) => newTuple(k));
    for (const t of tuples) await requestedIntegration(admin, c, t, "ENABLED", "PARTNER_READY");
    const { requestId } = await admin<{ requestId: string }>("POST", "/requests", {
      clientId: c.clientId,
      integrations: tuples,
    });
    const n = await db.notification.create({
      data: {
        customerId: c.customerId,
        linkedinId: requestId,
        type: "INTEGRATION_STATUS_CHANGE",
        rawBody: "{}",
        signatureValid: true,
      },
    });
    expect(await processNotification(n.id, ctx())).toEqual({ state: "PROCESSED", applied: 25, anomalies: 0 });
    expect(
      await db.integration.count({
        where: { customerId: c.customerId, onboardingStatus: "ENABLED", statusSource: "PUSH" },
      }),
    ).toBe(25);
  });

  it("an integration the customer never requested becomes an anomaly and changes nobody else's", async () => {
    const c = await testCustomer(admin);
    const neighbour = await testCustomer(admin);
    const tuple = newTuple();
    // LinkedIn knows the tuple for this application, but Onramp has it only for another customer.
    await admin("POST", "/integrations", { clientId: c.clientId, ...tuple });
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: "ENABLED", force: true });
    const { integration: theirs } = await requestedIntegration(admin, neighbour, tuple, "PARTNER_READY");
    const n = await pushedAndStored(c, { type: "INTEGRATION_STATUS_CHANGE", integrations: [tuple] });
    expect(await processNotification(n.id, ctx())).toEqual({ state: "PROCESSED", applied: 0, anomalies: 1 });
    expect(await processNotification(n.id, ctx(), { force: true })).toMatchObject({ anomalies: 1 });
    const anomalies = await db.anomaly.findMany({ where: { notificationId: n.id } });
    expect(anomalies).toHaveLength(1); // recorded once, even when processed again
    expect(anomalies[0]).toMatchObject({ customerId: c.customerId, kind: "UNREQUESTED_INTEGRATION" });
    expect((await db.integration.findUniqueOrThrow({ where: { id: theirs.id } })).onboardingStatus).toBe(
      "PARTNER_READY",
    );
  });

  it("C22: other types are kept and marked NOT_HANDLED without a lookup", async () => {
    const c = await testCustomer(admin);
    const n = await pushedAndStored(c, { type: "EXPORT_CANDIDATE_PROFILE", expiresAt: Date.now() + 60_000 });
    expect(await processNotification(n.id, ctx())).toMatchObject({ state: "NOT_HANDLED" });
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      processingState: "NOT_HANDLED",
    });
    expect(await lookupCalls(c.clientId)).toBe(0);
  });

  it("an expired id is not looked up: EXPIRED, left to the poll", async () => {
    const c = await testCustomer(admin);
    const { tuple } = await requestedIntegration(admin, c, newTuple(), "ENABLED");
    const n = await pushedAndStored(c, {
      type: "INTEGRATION_STATUS_CHANGE",
      expiresAt: Date.now() - 1000,
      integrations: [tuple],
    });
    expect(await processNotification(n.id, ctx())).toMatchObject({ state: "EXPIRED" });
    expect(await lookupCalls(c.clientId)).toBe(0);
  });

  it("C26: a failing lookup stays PENDING with the reason, is FAILED after the last attempt, and support can retry it", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");
    const n = await pushedAndStored(c, { type: "INTEGRATION_STATUS_CHANGE", integrations: [tuple] });
    await admin("POST", "/faults", { endpoint: "lookup_request", status: 503 });

    await expect(processNotification(n.id, ctx(1, 2))).rejects.toThrow(/HTTP 503/);
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      processingState: "PENDING",
      lastError: expect.stringContaining("503"),
    });
    await expect(processNotification(n.id, ctx(2, 2))).rejects.toThrow(/HTTP 503/);
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      processingState: "FAILED",
      attempts: 2,
    });

    await admin("DELETE", "/faults");
    const retried = await retryNotification(n.id, support);
    await cancelQueuedJobs({ kind: "PROCESS_NOTIFICATION", customerId: c.customerId });
    expect(await db.job.findUniqueOrThrow({ where: { id: retried.trackedJobId } })).toMatchObject({
      kind: "PROCESS_NOTIFICATION",
      payload: { notificationId: n.id },
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).processingState).toBe("PENDING");
    await expect(retryNotification(n.id, support)).rejects.toThrow(/not failed/);
    expect(await processNotification(n.id, ctx())).toMatchObject({ state: "PROCESSED", applied: 1 });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
      "ENABLED",
    );
    expect(await db.auditLog.count({ where: { action: "notification.retried", targetId: n.id } })).toBe(1);
  });

  it("replay looks an expired notification up anyway, and a customer admin can not replay another customer's", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");
    const n = await pushedAndStored(c, {
      type: "INTEGRATION_STATUS_CHANGE",
      expiresAt: Date.now() - 1000,
      integrations: [tuple],
    });
    expect(await processNotification(n.id, ctx())).toMatchObject({ state: "EXPIRED" });
    const stranger = {
      userId: "u",
      email: "x@y.test",
      role: "CUSTOMER_ADMIN" as const,
      customerId: "another-customer",
    };
    await expect(replayNotification(n.id, stranger)).rejects.toThrow(/No such customer/);
    const { trackedJobId } = await replayNotification(n.id, support);
    await cancelQueuedJobs({ kind: "PROCESS_NOTIFICATION", customerId: c.customerId });
    const job = await db.job.findUniqueOrThrow({ where: { id: trackedJobId } });
    expect(job.payload).toEqual({ notificationId: n.id, force: true });
    expect(await processNotification(n.id, ctx(), { force: true })).toMatchObject({ state: "PROCESSED", applied: 1 });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
      "ENABLED",
    );
  });
});

async function lookupCalls(clientId: string): Promise<number> {
  const { calls } = await admin<{ calls: unknown[] }>(
    "GET",
    `/calls?endpoint=lookup_request&clientId=${encodeURIComponent(clientId)}`,
  );
  return calls.length;
}
