// Issue 11 items 2 and 3 on real Postgres and pg-boss: a Job row and its queue job are written in one
// transaction; a job whose queue job died becomes FAILED and the work it left is queued again; support
// can retry anything not running; a callback-key rotation commits its re-sync with the key (outbox).
// Workers are not started here; queue jobs are created to start in an hour so no other file's worker
// takes them, and every pass is scoped to this test's customer (the database is shared).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { rotateCallbackKey } from "@/lib/customers/callback-key";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { getBoss, queueName, stopBoss } from "./boss";
import { DEAD_JOB_MESSAGE } from "./reconcile";
import { runReconcilePass } from "@/server/reconcile-pass";
import { retryFailedJob } from "@/server/retry";
import { enqueueTrackedJob, markAttemptFailed, markRunning, markSucceeded } from "./tracker";
import { createNotificationRow } from "@/lib/notifications/test-support/notification-row";

afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

const LATER = 3600; // seconds: no worker of another test file takes these queue jobs

async function customerWithIntegration(
  data: { nameSyncState?: "SYNCING" | "SYNCED"; configSyncState?: "SYNCED" | "PENDING" } = {},
) {
  const app = await createTestApplication();
  const integration = await db.integration.create({
    data: {
      customerId: app.customerId,
      integrationContext: `urn:li:organization:rc${randomUUID().slice(0, 8)}`,
      integrationType: "RECRUITER_SYSTEM_CONNECT",
      tenantType: "RECRUITER",
      name: "Reconcile test",
      nameSyncState: data.nameSyncState ?? "SYNCED",
      nameSyncedVersion: data.nameSyncState === "SYNCING" ? 0 : 1,
      configSyncState: data.configSyncState ?? "SYNCED",
    },
  });
  // Written long enough ago that the sweep does not wait for a request that is still enqueueing.
  await db.$executeRaw`UPDATE "Integration" SET "updatedAt" = now() - interval '10 minutes' WHERE id = ${integration.id}`;
  return { customerId: app.customerId, integrationId: integration.id };
}

async function queueState(queueJobId: string | null, kind: string): Promise<string | null> {
  if (!queueJobId) return null;
  const rows = await db.$queryRawUnsafe<{ state: string }[]>(
    `SELECT state::text FROM pgboss.job WHERE name = $1 AND id = $2::uuid`,
    queueName(kind as never),
    queueJobId,
  );
  return rows[0]?.state ?? null;
}

/** What pg-boss does when a worker dies on the last attempt: the queue job is failed, the handler never ran to its end. */
async function killQueueJob(trackedJobId: string): Promise<void> {
  const job = await db.job.update({ where: { id: trackedJobId }, data: { status: "RUNNING", attempts: 5 } });
  await db.$executeRawUnsafe(
    `UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE name = $1 AND id = $2::uuid`,
    queueName(job.kind),
    job.queueJobId,
  );
}

const support = async (): Promise<Actor> => {
  const user = await db.user.create({ data: { email: `support-${randomUUID()}@example.test`, role: "SUPPORT" } });
  return { userId: user.id, email: user.email, role: "SUPPORT", customerId: null };
};

describe("tracked jobs (C28)", () => {
  it("a Job row and its queue job are written in one transaction: a rollback leaves neither", async () => {
    const { customerId } = await customerWithIntegration();
    await getBoss();
    let trackedJobId = "";
    await expect(
      db.$transaction(async (tx) => {
        ({ trackedJobId } = await enqueueTrackedJob(
          { kind: "SYNC_NAMES", customerId, payload: { customerId }, startAfterSeconds: LATER },
          tx,
        ));
        throw new Error("the caller's transaction fails after the enqueue");
      }),
    ).rejects.toThrow(/fails after/);
    expect(trackedJobId).not.toBe("");
    expect(await db.job.count({ where: { id: trackedJobId } })).toBe(0);
    const queued = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'trackedJobId' = $1`,
      trackedJobId,
    );
    expect(queued[0]?.n).toBe(0);

    const ok = await enqueueTrackedJob({
      kind: "SYNC_NAMES",
      customerId,
      payload: { customerId },
      startAfterSeconds: LATER,
    });
    const row = await db.job.findUniqueOrThrow({ where: { id: ok.trackedJobId } });
    expect(await queueState(row.queueJobId, row.kind)).toBe("created");
  });

  it("an attempt pg-boss expired and ran again can not overwrite the newer attempt's result (C28: terminal stays terminal)", async () => {
    const { customerId } = await customerWithIntegration();
    const { trackedJobId } = await enqueueTrackedJob({
      kind: "SYNC_CONFIGURATIONS",
      customerId,
      payload: { customerId },
      startAfterSeconds: LATER,
    });
    await markRunning(trackedJobId, 1);
    await markRunning(trackedJobId, 2); // attempt 1 outlived its expiry; pg-boss started attempt 2
    expect(await markSucceeded(trackedJobId, 2)).toBe(true);
    // Attempt 1 finishes late with a failure: the row keeps attempt 2's result.
    expect(await markAttemptFailed(trackedJobId, 1, "late failure of the expired attempt", false)).toBe(false);
    expect(await db.job.findUniqueOrThrow({ where: { id: trackedJobId } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 2,
      lastError: null,
    });
  });

  it("a job whose queue job died becomes FAILED; its SYNCING names go PENDING and get a new job", async () => {
    const { customerId, integrationId } = await customerWithIntegration({ nameSyncState: "SYNCING" });
    const { trackedJobId } = await enqueueTrackedJob({
      kind: "SYNC_NAMES",
      customerId,
      payload: { customerId },
      startAfterSeconds: LATER,
    });
    // While its queue job is live, the pass leaves it alone.
    expect(await runReconcilePass({ customerId })).toMatchObject({ deadJobs: 0, released: 0, namesQueued: 0 });
    await killQueueJob(trackedJobId);

    const summary = await runReconcilePass({ customerId });
    expect(summary).toMatchObject({ deadJobs: 1, released: 1, namesQueued: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { id: trackedJobId } })).toMatchObject({
      status: "FAILED",
      lastError: DEAD_JOB_MESSAGE,
    });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).nameSyncState).toBe("PENDING");
    const again = await db.job.findFirstOrThrow({
      where: { customerId, kind: "SYNC_NAMES", triggeredBy: "system:reconcile" },
    });
    expect(await queueState(again.queueJobId, again.kind)).not.toBeNull();
    // Nothing more to do on the next pass: the new job is live.
    expect(await runReconcilePass({ customerId })).toMatchObject({ deadJobs: 0, namesQueued: 0 });
  });

  it("a notification left PROCESSING by a dead job is queued again", async () => {
    const { customerId } = await customerWithIntegration();
    const n = await createNotificationRow(customerId, "PROCESSING", new Date(Date.now() - 10 * 60_000));
    const { trackedJobId } = await enqueueTrackedJob({
      kind: "PROCESS_NOTIFICATION",
      customerId,
      payload: { notificationId: n.id },
      startAfterSeconds: LATER,
    });
    await killQueueJob(trackedJobId);
    expect(await runReconcilePass({ customerId })).toMatchObject({ deadJobs: 1, notificationsQueued: 1 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).processingState).toBe("PENDING");
  });

  it("support retries anything not running: a job whose worker died, a finished one; not a live one; provisioning is an operator's", async () => {
    const { customerId } = await customerWithIntegration();
    const actor = await support();
    const live = await enqueueTrackedJob({
      kind: "SYNC_CONFIGURATIONS",
      customerId,
      payload: { customerId },
      startAfterSeconds: LATER,
    });
    await expect(retryFailedJob(live.trackedJobId, actor)).rejects.toThrow(/wait for it to finish/);

    await killQueueJob(live.trackedJobId);
    const retried = await retryFailedJob(live.trackedJobId, actor);
    expect((await db.job.findUniqueOrThrow({ where: { id: live.trackedJobId } })).status).toBe("FAILED");
    expect(await db.job.findUniqueOrThrow({ where: { id: retried.trackedJobId } })).toMatchObject({
      status: "QUEUED",
      triggeredBy: actor.userId,
    });

    await db.job.update({ where: { id: retried.trackedJobId }, data: { status: "SUCCEEDED" } });
    await expect(retryFailedJob(retried.trackedJobId, actor)).resolves.toMatchObject({ message: /Retry queued/ });

    const provisioning = await db.job.create({
      data: { kind: "PROVISION_APPLICATION", status: "FAILED", customerId, payload: { customerId } },
    });
    await expect(retryFailedJob(provisioning.id, actor)).rejects.toThrow(/Only an operator/);
  });

  it("a callback-key rotation marks every configuration PENDING and queues the re-sync in the same transaction", async () => {
    const { customerId, integrationId } = await customerWithIntegration({ configSyncState: "SYNCED" });
    const { syncJobId } = await rotateCallbackKey({ system: "test" }, customerId);
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).configSyncState).toBe("PENDING");
    const job = await db.job.findUniqueOrThrow({ where: { id: syncJobId ?? "" } });
    expect(job.kind).toBe("SYNC_CONFIGURATIONS");
    expect(job.queueJobId).not.toBeNull();
    // Were the job lost anyway, the pass re-drives the PENDING rows once their job is gone.
    await killQueueJob(job.id);
    await db.$executeRaw`UPDATE "Integration" SET "updatedAt" = now() - interval '10 minutes' WHERE id = ${integrationId}`;
    expect(await runReconcilePass({ customerId })).toMatchObject({ deadJobs: 1, configurationsQueued: 1 });
  });
});
