// Delivering events (issue 12, test-support/receiver-stack.ts): 500 then 200 brings the same webhook-id again; a
// sending process SIGKILLed mid-delivery loses nothing; the outbox; rotated secrets and disabling a failing endpoint.
import { eventually } from "@/test/eventually";
import { exitSignal } from "@/test/onramp-process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret } from "./endpoints";
import { listDeliveries } from "./queries";
import { deliverDue, SNIPPET_BYTES } from "./send";
import { startReceiver } from "./test-support/receiver";
import {
  receiver,
  endpointId,
  operator,
  startSenderProcess,
  receivedFor,
  useWebhookReceiver,
} from "./test-support/receiver-stack";

useWebhookReceiver();

describe("webhooks to a local receiver: delivery", () => {
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
