// Events out to a local receiver that verifies every signature with standardwebhooks' own verifier
// (issue 12): a sandbox ENABLED move and an EXPORT_CANDIDATE_PROFILE push each arrive signed; 500 then 200
// brings the same webhook-id again; a sending process SIGKILLed mid-delivery loses nothing (another process
// sends the event with the same webhook-id); replay and test events.
import { eventually } from "@/test/eventually";
import { exitSignal, killOnrampProcesses, startOnrampProcess } from "@/test/onramp-process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit";
import { stopBoss } from "@/lib/jobs/boss";
import { callsToday, dailyBudget } from "@/lib/linkedin/call-count";
import { ENDPOINTS } from "@/lib/linkedin/endpoints";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { processNotification } from "@/lib/notifications/process";
import { startCallbackServer, type CallbackServer } from "@/lib/notifications/test-support/callback-server";
import {
  newTuple,
  pushedFromSandbox,
  requestedIntegration,
  sandboxAdmin,
  testCustomer,
} from "@/lib/notifications/test-support/fixtures";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, updateWebhookEndpoint } from "./endpoints";
import { getWebhookEndpoint, listDeliveries } from "./queries";
import { replayToEndpoint, sendTestEvent } from "./replay";
import { deliverDue, SNIPPET_BYTES } from "./send";
import { consoleWebhookEndpointSchema, consoleWebhookEndpointUpdateSchema } from "./schemas";
import { startReceiver, type Receiver, type Received } from "./test-support/receiver";

let sandbox: SandboxHandle;
let callbacks: CallbackServer;
let receiver: Receiver;
let endpointId: string;
const admin = sandboxAdmin(() => sandbox.url);
const operator = { system: "webhooks-test" };
const ctx = { attempt: 1, isLastAttempt: false, progress: async () => {} };
/** Another Onramp process running only the webhook sender, one lane (test-support/sender-process.ts). */
const startSenderProcess = () =>
  startOnrampProcess("lib/webhooks/test-support/sender-process.ts", {
    WEBHOOK_CONCURRENCY: "1",
    WEBHOOK_POLL_MS: "50",
  });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 100 });
  useLinkedInAt(sandbox.url);
  callbacks = await startCallbackServer({ defer: () => {} });
  receiver = await startReceiver();
  const created = await createWebhookEndpoint(operator, { url: receiver.url, eventTypes: [] });
  endpointId = created.id;
  receiver.useSecret(created.secret);
});
afterAll(async () => {
  killOnrampProcesses();
  if (endpointId) await deleteWebhookEndpoint(operator, endpointId);
  await receiver?.close();
  await callbacks?.close();
  await sandbox?.close();
  await stopBoss();
  await disconnectDb();
});

/** Runs sender rounds (as the loop in each process does) until the receiver has what `pick` wants. */
function receivedFor(customerId: string, pick: (r: Received[]) => boolean, now?: () => Date): Promise<Received[]> {
  return eventually(`webhooks for ${customerId}`, async () => {
    await deliverDue({ now: now?.() });
    const mine = receiver.received.filter((r) => r.body?.customerId === customerId);
    return pick(mine) ? mine : null;
  });
}

const pushed = (c: { clientId: string; callbackKey: string; customerId: string }, body: Record<string, unknown>) =>
  pushedFromSandbox(admin, (key) => callbacks.urlFor(key), c, body);

describe("webhooks to a local receiver", () => {
  it("a sandbox ENABLED move arrives signed as integration.status_changed and integration.enabled", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY");
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: "ENABLED" });
    const n = await pushed(c, { type: "INTEGRATION_STATUS_CHANGE", integrations: [tuple] });
    await processNotification(n.id, ctx);
    const got = await receivedFor(c.customerId, (r) => r.length >= 2);
    expect(got.every((r) => r.verified && r.status === 200)).toBe(true);
    expect(got.map((r) => r.body!.type).sort()).toEqual(["integration.enabled", "integration.status_changed"]);
    const changed = got.find((r) => r.body!.type === "integration.status_changed")!.body!;
    expect(changed.data).toMatchObject({
      from: "PARTNER_READY",
      to: "ENABLED",
      enabled: true,
      source: "PUSH",
      integration: { id: integration.id },
    });
    expect(changed.id).toMatch(/^evt_\d+$/);
  });

  it("L18: an EXPORT_CANDIDATE_PROFILE push is relayed with the customer, LinkedIn id, type and expiry", async () => {
    const c = await testCustomer(admin);
    const expiresAt = Date.now() + 3_600_000;
    const n = await pushed(c, { type: "EXPORT_CANDIDATE_PROFILE", expiresAt });
    expect(await processNotification(n.id, ctx)).toMatchObject({ state: "NOT_HANDLED" });
    const [got] = await receivedFor(c.customerId, (r) => r.length >= 1);
    expect(got!.verified).toBe(true);
    expect(got!.body).toMatchObject({
      type: "linkedin.export_candidate_profile",
      customerId: c.customerId,
      data: {
        notification: {
          id: n.id,
          linkedinId: n.linkedinId,
          type: "EXPORT_CANDIDATE_PROFILE",
          expiresAt: new Date(expiresAt).toISOString(),
        },
      },
    });
  });

  it("L17, L18: an endpoint that chose it gets the export resolved through exportedCandidates with the customer's application, counted in its budget", async () => {
    const resolving = await startReceiver();
    const created = await createWebhookEndpoint(operator, {
      url: resolving.url,
      eventTypes: ["linkedin.export_candidate_profile"],
      resolveExports: true,
    });
    resolving.useSecret(created.secret);
    try {
      const c = await testCustomer(admin);
      const n = await pushed(c, { type: "EXPORT_CANDIDATE_PROFILE", expiresAt: Date.now() + 3_600_000 });
      await processNotification(n.id, ctx);
      const got = await eventually("the resolved export", async () => {
        await deliverDue();
        return resolving.received.find((r) => r.body?.customerId === c.customerId) ?? null;
      });
      expect(got.verified).toBe(true);
      const exported = sandbox.state.exports.get(n.linkedinId)?.elements;
      expect(exported).toHaveLength(1);
      expect(got.body?.data).toMatchObject({
        notification: { linkedinId: n.linkedinId },
        exportedCandidates: JSON.parse(JSON.stringify(exported)),
      });
      // The endpoint that did not choose it gets the relay alone.
      const [plain] = await receivedFor(c.customerId, (r) => r.length >= 1);
      expect(plain?.body?.data).not.toHaveProperty("exportedCandidates");
      // One call, with the customer's own application (L2), counted in its exportedCandidates budget (L17).
      const calls = sandbox.state.calls.filter((x) => x.endpoint === "exported_candidates");
      expect(calls.map((x) => [x.clientId, x.status])).toEqual([[c.clientId, 200]]);
      const today = await callsToday(c.clientId);
      expect(today.endpoints.find((e) => e.endpoint === ENDPOINTS.exportedCandidates)?.count).toBe(1);
      expect((await dailyBudget(c.clientId, ENDPOINTS.exportedCandidates)).budget).toBe(100_000);
    } finally {
      await deleteWebhookEndpoint(operator, created.id);
      await resolving.close();
    }
  });

  it("L17, L18: the console's endpoint form sets and clears resolveExports (its box), shown on the endpoint; bad input is refused with clear messages", async () => {
    // What the add form posts (FormData as an object): the box ticked, one event type, no description.
    const added = consoleWebhookEndpointSchema.parse({
      url: "https://ats.example.com/hooks/console",
      description: "",
      eventTypes: "linkedin.export_candidate_profile",
      resolveExports: "true",
    });
    expect(added).toEqual({
      url: "https://ats.example.com/hooks/console",
      description: "",
      eventTypes: ["linkedin.export_candidate_profile"],
      resolveExports: true,
    });
    const { id } = await createWebhookEndpoint(operator, added);
    try {
      expect(await getWebhookEndpoint(id)).toMatchObject({
        description: null,
        eventTypes: ["linkedin.export_candidate_profile"],
        resolveExports: true,
      });
      // The edit form with the box unticked sends no resolveExports, and no event type: every type.
      const { endpointId, description, ...edited } = consoleWebhookEndpointUpdateSchema.parse({
        endpointId: id,
        url: "https://ats.example.com/hooks/console",
        description: "exports resolved by the ATS",
      });
      await updateWebhookEndpoint(operator, endpointId, { ...edited, description: description || null });
      expect(await getWebhookEndpoint(id)).toMatchObject({
        description: "exports resolved by the ATS",
        eventTypes: [],
        resolveExports: false,
      });
      const audit = await db.auditLog.findFirstOrThrow({
        where: { targetId: id, action: "webhook.updated" },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.details).toMatchObject({ resolveExports: false });

      const bad = consoleWebhookEndpointSchema.safeParse({
        url: "https://hooks:secret@ats.example.com/hook",
        eventTypes: "nope",
        resolveExports: "yes",
      });
      expect(bad.success).toBe(false);
      expect(bad.error?.flatten().fieldErrors).toEqual({
        url: ["Do not put credentials in the URL; verify the signature instead."],
        eventTypes: [expect.stringMatching(/^Choose event types among /)],
        resolveExports: ["Tick the box or leave it empty."],
      });
    } finally {
      await deleteWebhookEndpoint(operator, id);
    }
  });

  it("500 then 200: the event comes again with the same webhook-id; each attempt is logged, the answer bounded", async () => {
    const customerId = `wh-${randomUUID()}`;
    receiver.answerFor(customerId, 500);
    await db.$transaction((tx) => emitEvent(tx, { type: "linkedin.push", customerId, data: { probe: 1 } }));
    const first = await receivedFor(customerId, (r) => r.length >= 1);
    expect(first[0]!.status).toBe(500);
    // The retry is due 5 s later (schedule.ts): the sender is run at that time rather than waited for.
    const later = () => new Date(Date.now() + 6_000);
    const both = await receivedFor(customerId, (r) => r.length >= 2, later);
    expect(both.map((r) => r.status)).toEqual([500, 200]);
    expect(both[1]!.webhookId).toBe(both[0]!.webhookId);
    const [delivery] = (await listDeliveries(endpointId, 500)).filter((d) => d.eventId === both[0]!.webhookId);
    expect(delivery).toMatchObject({ state: "DELIVERED", attempts: 2 });
    expect(delivery!.attemptLog.map((a) => a.status).sort()).toEqual([200, 500]);
    const failed = delivery!.attemptLog.find((a) => a.status === 500)!;
    expect(failed.responseSnippet!.length).toBeLessThanOrEqual(SNIPPET_BYTES);
    expect(failed.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("Onramp killed mid-delivery loses no event: a new process sends it with the same webhook-id once the dead one's lease lapses", async () => {
    const customerId = `wh-${randomUUID()}`;
    // The receiver holds this customer's first delivery open: the sending process is killed while it waits.
    receiver.holdFor(customerId);
    const doomed = await startSenderProcess();
    const [eventId] = await db.$transaction((tx) =>
      emitEvent(tx, { type: "linkedin.push", customerId, data: { probe: 2 } }),
    );
    const held = await eventually(
      "the delivery in flight at the receiver",
      () => receiver.received.find((r) => r.body?.customerId === customerId),
      { failWhen: () => (doomed.exitCode !== null ? "the sender process ended early" : null) },
    );
    expect(held).toMatchObject({ verified: true, status: null, webhookId: `evt_${eventId}` });
    doomed.kill("SIGKILL");
    expect(await exitSignal(doomed)).toBe("SIGKILL");

    // All the dead process left is its lease on the delivery: no attempt recorded, nothing delivered.
    const mine = await db.webhookDelivery.findFirstOrThrow({ where: { eventId, endpointId } });
    expect(mine).toMatchObject({ state: "PENDING", attempts: 1, deliveredAt: null });
    expect(mine.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.webhookAttempt.count({ where: { deliveryId: mine.id } })).toBe(0);
    // While the lease runs, no one else takes the delivery.
    await deliverDue();
    expect(receiver.received.filter((r) => r.body?.customerId === customerId)).toHaveLength(1);

    // The dead process's lease (LEASE_MS) is made to lapse by moving it back, not waited for; then a new
    // process starts.
    await db.webhookDelivery.updateMany({
      where: { state: "PENDING", leaseUntil: { gt: new Date() } },
      data: { leaseUntil: new Date(Date.now() - 1_000) },
    });
    const successor = await startSenderProcess();
    const delivered = await eventually(
      "the delivery DELIVERED by the new process",
      async () => {
        const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: mine.id }, include: { attemptLog: true } });
        return d.state === "DELIVERED" ? d : null;
      },
      { failWhen: () => (successor.exitCode !== null ? "the new sender process ended" : null) },
    );
    successor.kill("SIGKILL");
    const got = receiver.received.filter((r) => r.body?.customerId === customerId);
    expect(got).toHaveLength(2);
    expect(got[1]).toMatchObject({ verified: true, status: 200, webhookId: `evt_${eventId}` });
    expect(got[1]!.body).toEqual(got[0]!.body);
    expect(delivered).toMatchObject({ attempts: 2, lastStatus: 200, leaseUntil: null });
    expect(delivered.attemptLog.map((a) => [a.attempt, a.status])).toEqual([[2, 200]]);
  });

  it("an event is written with its change or not at all (outbox)", async () => {
    const customerId = `wh-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await emitEvent(tx, { type: "linkedin.push", customerId, data: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.event.count({ where: { customerId } })).toBe(0);
  });

  it("replay of one event and of a time range resends it with the same webhook-id; a test event reaches the endpoint", async () => {
    const customerId = `wh-${randomUUID()}`;
    const from = new Date(Date.now() - 1000);
    const [eventId] = await db.$transaction((tx) =>
      emitEvent(tx, { type: "linkedin.push", customerId, data: { probe: 3 } }),
    );
    await receivedFor(customerId, (r) => r.length >= 1);
    expect(await replayToEndpoint(operator, endpointId, { eventId: `evt_${eventId}` })).toEqual({ queued: 1 });
    await receivedFor(customerId, (r) => r.length >= 2);
    const range = await replayToEndpoint(operator, endpointId, { from, to: new Date(Date.now() + 1000) });
    expect(range.queued).toBeGreaterThanOrEqual(1);
    const got = await receivedFor(customerId, (r) => r.length >= 3);
    expect(new Set(got.map((r) => r.webhookId))).toEqual(new Set([`evt_${eventId}`]));
    await expect(replayToEndpoint(operator, endpointId, { eventId: "evt_999999999999" })).rejects.toThrow(/no event/);

    const test = await sendTestEvent(operator, endpointId);
    await eventually("the test event received", async () => {
      await deliverDue();
      return receiver.received.find(
        (r) => r.webhookId === `evt_${test.eventId}` && r.verified && r.body?.type === "webhook.test",
      );
    });
  });

  it("a rotated secret signs alongside the old one; a failing endpoint is disabled after the configured time", async () => {
    const r2 = await startReceiver();
    try {
      const ep = await createWebhookEndpoint(operator, { url: r2.url, eventTypes: ["customer.keys_refused"] });
      r2.useSecret(ep.secret);
      const rotated = await rotateWebhookSecret(operator, ep.id);
      expect(rotated.secret).not.toBe(ep.secret);
      const customerId = `wh-${randomUUID()}`;
      await db.$transaction((tx) => emitEvent(tx, { type: "customer.keys_refused", customerId, data: {} }));
      await eventually("an event verified with the old secret", async () => {
        await deliverDue();
        return r2.received.find((r) => r.body?.customerId === customerId && r.verified);
      }); // old secret still verifies
      r2.useSecret(rotated.secret);
      r2.answerFor(customerId, 503);
      await db.webhookEndpoint.update({
        where: { id: ep.id },
        data: { failingSince: new Date(Date.now() - 73 * 3600_000) },
      });
      await db.$transaction((tx) => emitEvent(tx, { type: "customer.keys_refused", customerId, data: {} }));
      await eventually("the endpoint disabled", async () => {
        await deliverDue();
        return (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).disabledAt;
      });
      const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
      expect(row.disabledReason).toMatch(/failed for 72 hours/);
      await deleteWebhookEndpoint(operator, ep.id);
    } finally {
      await r2.close();
    }
  });
});
