// Queuing processing after the callback's 200 (C23, C28): batched, each notification with its tracked
// Job row AND its pg-boss job, written atomically; and the sweep for notifications left without one.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getBoss, queueName, stopBoss } from "@/lib/jobs/boss";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { SWEEP_AFTER_MS, sweepPendingNotifications } from "./enqueue";
import { receiveNotification } from "./receive";
import { signNotification } from "./signature";
import { cancelQueuedJobs } from "./test-support/fixtures";

let customer: { customerId: string; callbackKey: string; secret: string };

beforeAll(async () => {
  const app = await createTestApplication();
  const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: app.customerId } });
  customer = { customerId: app.customerId, callbackKey, secret: app.clientSecret };
  await getBoss(); // queues exist, as in a running Onramp
});
afterAll(async () => {
  await cancelQueuedJobs({ kind: "PROCESS_NOTIFICATION", customerId: customer.customerId });
  await stopBoss();
  await disconnectDb();
});

async function queueJob(id: string) {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{
      name: string;
      data: { trackedJobId: string };
      retry_limit: number;
      state: string;
    }>("SELECT name, data, retry_limit, state FROM pgboss.job WHERE id = $1", [id]);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe("queuing processing after the answer", () => {
  it("a burst of 30 notifications gets 30 tracked jobs, each with its pg-boss job, after the 200s", async () => {
    const deferred: (() => Promise<void>)[] = [];
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const answers = await Promise.all(
      ids.map((id) => {
        const body = JSON.stringify({ id, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
        const req = new Request("http://onramp.test/cb", {
          method: "POST",
          body,
          headers: { "x-li-signature": signNotification(customer.secret, body) },
        });
        return receiveNotification(req, customer.callbackKey, (work) => void deferred.push(work));
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    // Nothing is queued before the answers: the work is deferred.
    const stored = await db.notification.findMany({
      where: { customerId: customer.customerId, linkedinId: { in: ids } },
    });
    expect(await db.job.count({ where: { kind: "PROCESS_NOTIFICATION", customerId: customer.customerId } })).toBe(0);

    await Promise.all(deferred.map((work) => work()));
    const jobs = await db.job.findMany({ where: { kind: "PROCESS_NOTIFICATION", customerId: customer.customerId } });
    expect(jobs).toHaveLength(30);
    expect(new Set(jobs.map((j) => (j.payload as { notificationId: string }).notificationId))).toEqual(
      new Set(stored.map((n) => n.id)),
    );
    for (const j of jobs.slice(0, 5)) {
      expect(j).toMatchObject({
        status: "QUEUED",
        triggeredBy: "system:callback",
        maxAttempts: env().JOBS_MAX_ATTEMPTS,
      });
      const q = await queueJob(j.queueJobId!);
      expect(q).toMatchObject({
        name: queueName("PROCESS_NOTIFICATION"),
        data: { trackedJobId: j.id },
        retry_limit: env().JOBS_MAX_ATTEMPTS - 1,
        state: "created",
      });
    }
    await cancelQueuedJobs({ kind: "PROCESS_NOTIFICATION", customerId: customer.customerId });
  });

  it("the sweep queues a notification left PENDING without a live job, once", async () => {
    const old = new Date(Date.now() - SWEEP_AFTER_MS - 60_000);
    const n = await db.notification.create({
      data: {
        customerId: customer.customerId,
        linkedinId: `left-${randomUUID()}`,
        type: "INTEGRATION_STATUS_CHANGE",
        rawBody: "{}",
        signatureValid: true,
        receivedAt: old,
      },
    });
    const queuedFor = () =>
      db.job.count({ where: { kind: "PROCESS_NOTIFICATION", payload: { path: ["notificationId"], equals: n.id } } });
    expect(await queuedFor()).toBe(0);
    expect(await sweepPendingNotifications()).toBeGreaterThanOrEqual(1);
    expect(await queuedFor()).toBe(1);
    await sweepPendingNotifications();
    expect(await queuedFor()).toBe(1); // a live job exists: not queued twice
  });
});
