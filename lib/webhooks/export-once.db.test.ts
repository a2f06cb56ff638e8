// Issue 20 item 6, L17, L18: resolving a One-Click Export spends the customer's exportedCandidates budget at most
// once per event. Two endpoints resolve exports; one fails its first delivery (500). Its second attempt, the other
// endpoint's delivery and a replay all carry the same candidates, and the sandbox saw ONE exportedCandidates call.
// The kept candidates are personal data: stored only encrypted. An archived customer's export is not resolved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { EXPORT_RELAY_TYPE } from "@/lib/events/types";
import { stopBoss } from "@/lib/jobs/boss";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { processNotification } from "@/lib/notifications/process";
import { type CallbackServer, startCallbackServer } from "@/lib/notifications/test-support/callback-server";
import {
  newTuple,
  pushedFromSandbox,
  requestedIntegration,
  sandboxAdmin,
  testCustomer,
} from "@/lib/notifications/test-support/fixtures";
import { eventually } from "@/test/eventually";
import { type SandboxHandle, startSandbox } from "@/sandbox/server";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "./endpoints";
import { FOREIGN_EXPORT } from "./export-context";
import { replayToEndpoint } from "./replay";
import { deliverDue } from "./send";
import { type Receiver, startReceiver } from "./test-support/receiver";

let sandbox: SandboxHandle;
let callbacks: CallbackServer;
const receivers: Receiver[] = [];
const endpointIds: string[] = [];
const admin = sandboxAdmin(() => sandbox.url);
const operator = { system: "export-once-test" };
const ctx = { attempt: 1, isLastAttempt: false, progress: async () => {} };
/**
 * One sender round; its clock moves 10 s a round, so a failed attempt's retry (5 s later, schedule.ts) is due in
 * the next. The sender claims every due delivery of the shared database: one for an endpoint another test file
 * sealed under a key of its own (lib/key-rotation/reencrypt.db.test.ts) can not be signed here, and is left to it.
 */
let clock = Date.now();
async function nextRound(): Promise<void> {
  clock += 10_000;
  await deliverDue({ now: new Date(clock), limit: 50 }).catch((e: unknown) => {
    if (!(e instanceof DecryptionError)) throw e;
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 100 });
  useLinkedInAt(sandbox.url);
  callbacks = await startCallbackServer({ defer: () => {} });
});
afterAll(async () => {
  for (const id of endpointIds) await deleteWebhookEndpoint(operator, id);
  for (const r of receivers) await r.close();
  await callbacks?.close();
  await sandbox?.close();
  await stopBoss();
  await disconnectDb();
});

/** A receiver behind an endpoint that resolves exports. */
async function resolvingEndpoint(): Promise<{ id: string; receiver: Receiver }> {
  const receiver = await startReceiver();
  receivers.push(receiver);
  const created = await createWebhookEndpoint(operator, {
    url: receiver.url,
    eventTypes: [EXPORT_RELAY_TYPE],
    resolveExports: true,
  });
  endpointIds.push(created.id);
  receiver.useSecret(created.secret);
  return { id: created.id, receiver };
}

/**
 * A customer with a One-Click Export integration whose export push was processed into an event; answers the
 * customer and the event's id. `exportContext`: what LinkedIn's answer names instead of the customer's (L27).
 */
async function exportEvent(exportContext?: string) {
  const c = await testCustomer(admin);
  await requestedIntegration(admin, c, newTuple(), "ENABLED");
  const n = await pushedFromSandbox(admin, (key) => callbacks.urlFor(key), c, {
    type: "EXPORT_CANDIDATE_PROFILE",
    expiresAt: Date.now() + 3_600_000,
    ...(exportContext ? { exportContext } : {}),
  });
  await processNotification(n.id, ctx);
  const event = await db.event.findFirstOrThrow({ where: { customerId: c.customerId, type: EXPORT_RELAY_TYPE } });
  return { c, n, eventId: event.id };
}

const exportCalls = (clientId: string) =>
  sandbox.state.calls.filter((x) => x.endpoint === "exported_candidates" && x.clientId === clientId);

const mine = (r: Receiver, customerId: string) => r.received.filter((x) => x.body?.customerId === customerId);

describe("L17, L18: a One-Click Export is resolved once per event", () => {
  it("two delivery attempts, a second endpoint and a replay reuse the first resolution: one LinkedIn call", async () => {
    const failing = await resolvingEndpoint();
    const other = await resolvingEndpoint();
    const { c, n, eventId } = await exportEvent();
    failing.receiver.answerFor(c.customerId, 500);

    const [first, second] = await eventually(
      "the failed attempt, its retry and the other endpoint's delivery",
      async () => {
        await nextRound();
        const got = mine(failing.receiver, c.customerId);
        return got.length >= 2 && mine(other.receiver, c.customerId).length >= 1 ? got : null;
      },
    );
    expect([first?.status, second?.status]).toEqual([500, 200]);
    expect(await replayToEndpoint(operator, failing.id, { eventId: `evt_${eventId}` })).toEqual({ queued: 1 });
    await eventually("the replay", async () => {
      await nextRound();
      return mine(failing.receiver, c.customerId).length >= 3;
    });

    const expected = JSON.parse(JSON.stringify(sandbox.state.exports.get(n.linkedinId)?.elements));
    expect(expected).toHaveLength(1);
    const bodies = [...mine(failing.receiver, c.customerId), ...mine(other.receiver, c.customerId)];
    expect(bodies).toHaveLength(4);
    for (const b of bodies) expect(b.body?.data.exportedCandidates).toEqual(expected);
    expect(exportCalls(c.clientId)).toHaveLength(1);

    // Kept for the event, sealed (C3): the candidate's name and email are nowhere in the row.
    const kept = await db.exportResolution.findUniqueOrThrow({ where: { eventId } });
    expect(kept.resolvedAt).not.toBeNull();
    expect(kept.candidatesEnc?.startsWith("v1.")).toBe(true);
    const rowText = JSON.stringify(kept, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(rowText).not.toContain(expected[0].candidate.emailAddress);
    expect(rowText).not.toContain(expected[0].candidate.lastName);
  });

  it("an archived customer's export is delivered unresolved, without asking LinkedIn", async () => {
    const endpoint = await resolvingEndpoint();
    const { c } = await exportEvent();
    await db.customer.update({ where: { id: c.customerId }, data: { archivedAt: new Date() } });
    const [got] = await eventually("the delivery", async () => {
      await nextRound();
      const bodies = mine(endpoint.receiver, c.customerId);
      return bodies.length >= 1 ? bodies : null;
    });
    expect(got?.body?.data).toMatchObject({
      exportedCandidates: null,
      exportResolutionError: "This customer is archived in Onramp, so Onramp no longer asks LinkedIn for it.",
    });
    expect(exportCalls(c.clientId)).toHaveLength(0);
  });

  it("L27: an export naming another customer's integration is not delivered as this customer's; support sees an anomaly", async () => {
    const endpoint = await resolvingEndpoint();
    const other = await testCustomer(admin);
    const { tuple: theirs } = await requestedIntegration(admin, other, newTuple(), "ENABLED");
    const { c, n } = await exportEvent(theirs.integrationContext);
    const [got] = await eventually("the delivery", async () => {
      await nextRound();
      const bodies = mine(endpoint.receiver, c.customerId);
      return bodies.length >= 1 ? bodies : null;
    });
    expect(got?.body?.data.exportedCandidates).toBeNull();
    expect(got?.body?.data.exportResolutionError).toContain(theirs.integrationContext);
    expect(JSON.stringify(got?.body)).not.toContain("candidates.example");
    const anomaly = await db.anomaly.findFirstOrThrow({ where: { customerId: c.customerId, kind: FOREIGN_EXPORT } });
    expect(anomaly).toMatchObject({ notificationId: n.id, resolvedAt: null });
    expect(anomaly.message).toContain(theirs.integrationContext);
    expect(JSON.stringify(anomaly.details)).not.toContain("candidates.example");
    expect(await db.anomaly.count({ where: { customerId: other.customerId } })).toBe(0);
  });
});
