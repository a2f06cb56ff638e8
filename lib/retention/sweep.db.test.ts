// Issue 24 point 4: the retention pass deletes each kind of record once older than its setting, in batches, and
// keeps what is still needed: a notification an open anomaly points at or that FAILED (support's to retry), an
// event whose delivery is pending and that delivery, a queued email, an unfinished job. Rows are aged by SQL, not
// by waiting. The database is shared with other files, so every assertion is about this test's own rows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import { createNotificationRow } from "@/lib/notifications/test-support/notification-row";
import { runRetention } from "./sweep";

let customerId: string;
let endpointId: string;

beforeAll(async () => {
  customerId = (await createCustomerRow("Retention Ltd")).id;
  endpointId = (
    await db.webhookEndpoint.create({ data: { url: "https://ats.example/hooks", eventTypes: [], secretEnc: "x" } })
  ).id;
});
afterAll(async () => {
  await db.webhookEndpoint.deleteMany({ where: { id: endpointId } });
  await db.customer.deleteMany({ where: { id: customerId } });
  await disconnectDb();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

const notification = (state: "PROCESSED" | "FAILED" | "PENDING", receivedAt: Date) =>
  createNotificationRow(customerId, state, receivedAt);

async function event(createdAt: Date, deliveryState: "PENDING" | "DELIVERED") {
  const [e] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "Event" ("txid", "type", "customerId", "data", "createdAt")
    VALUES (pg_current_xact_id()::text::bigint, 'test.retention', ${customerId}, '{}'::jsonb, ${createdAt}) RETURNING "id"`;
  const id = e?.id ?? 0n;
  const d = await db.webhookDelivery.create({ data: { endpointId, eventId: id, state: deliveryState, createdAt } });
  return { eventId: id, deliveryId: d.id };
}

function email(status: "SENT" | "QUEUED", createdAt: Date) {
  return db.email.create({
    data: {
      customerId,
      toAddress: "admin@retention.test",
      template: "INVITATION",
      cause: `retention:${randomUUID()}`,
      data: {},
      status,
      messageId: `<${randomUUID()}@onramp.test>`,
      unsubscribeKey: randomUUID(),
      createdAt,
    },
  });
}

describe("the retention pass", () => {
  it("deletes what is older than its setting and keeps what is still needed", async () => {
    await notification("PROCESSED", daysAgo(91));
    const oldWithOpenAnomaly = await notification("PROCESSED", daysAgo(91));
    await db.anomaly.create({
      data: { customerId, notificationId: oldWithOpenAnomaly.id, kind: "test", message: "open" },
    });
    const oldFailed = await notification("FAILED", daysAgo(91));
    const recent = await notification("PROCESSED", daysAgo(89));
    const oldDelivered = await event(daysAgo(91), "DELIVERED");
    const oldPending = await event(daysAgo(91), "PENDING");
    const deliveredMonthAgo = await event(daysAgo(31), "DELIVERED");
    const oldAudit = await db.auditLog.create({
      data: { actorLabel: "test", action: "retention.test", targetType: "test", createdAt: daysAgo(366) },
    });
    const recentAudit = await db.auditLog.create({
      data: { actorLabel: "test", action: "retention.test", targetType: "test", createdAt: daysAgo(364) },
    });
    const sent = await email("SENT", daysAgo(91));
    const queued = await email("QUEUED", daysAgo(91));
    await db.job.create({
      data: { kind: "SYNC_NAMES", status: "SUCCEEDED", customerId, createdAt: daysAgo(31) },
    });
    const runningJob = await db.job.create({
      data: { kind: "SYNC_NAMES", status: "RUNNING", customerId, createdAt: daysAgo(31) },
    });

    // Batches of 1: every kind is deleted over several statements, and all of it goes.
    const deleted = await runRetention({ batchSize: 1 });
    expect(deleted.notifications).toBeGreaterThanOrEqual(1);

    const notifications = await db.notification.findMany({ where: { customerId }, select: { id: true } });
    expect(notifications.map((n) => n.id).sort()).toEqual([oldWithOpenAnomaly.id, oldFailed.id, recent.id].sort());
    expect(await db.event.count({ where: { id: oldDelivered.eventId } })).toBe(0);
    expect(await db.event.count({ where: { id: oldPending.eventId } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { id: oldPending.deliveryId } })).toBe(1);
    expect(await db.event.count({ where: { id: deliveredMonthAgo.eventId } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { id: deliveredMonthAgo.deliveryId } })).toBe(0);
    expect(await db.auditLog.count({ where: { id: { in: [oldAudit.id, recentAudit.id] } } })).toBe(1);
    expect(await db.auditLog.count({ where: { id: recentAudit.id } })).toBe(1);
    expect(await db.email.findMany({ where: { id: { in: [sent.id, queued.id] } }, select: { id: true } })).toEqual([
      { id: queued.id },
    ]);
    expect(await db.job.findMany({ where: { customerId }, select: { id: true } })).toEqual([{ id: runningJob.id }]);
  });

  it("waits for no row another transaction holds, and deletes it on a later pass", async () => {
    const held = await notification("PROCESSED", daysAgo(120));
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Notification" WHERE "id" = ${held.id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 120_000 },
    );
    await isLocked;
    await runRetention({ batchSize: 50 });
    expect(await db.notification.count({ where: { id: held.id } })).toBe(1);
    release();
    await holder;
    await runRetention({ batchSize: 50 });
    expect(await db.notification.count({ where: { id: held.id } })).toBe(0);
  });
});
