import "server-only";
// Processing of a stored notification runs as a tracked job (C28), never inside the callback request.
//
// After a callback's 200, processing is queued in small batches: every notification received in the
// same ~20 ms gets its tracked Job row and its pg-boss job in ONE transaction (a burst of pushes costs
// one round of writes, not three per push — bench/intake.bench.ts). The transaction makes the pair
// atomic: a Job row never exists without its queue job, or the reverse. If the process dies before a
// batch is written, the notifications stay PENDING without a live job, and the sweep (run with every
// reconcile pass) queues them. A batch the database refused is tried again for about a minute first, so
// a database restart delays processing by seconds, not by the sweep's minutes.
import { activeJobStatusSql } from "@/lib/jobs/status";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getBoss, queueName } from "@/lib/jobs/boss";
import { QUEUE_JOB_IS_LIVE } from "@/lib/jobs/reconcile";
import { bossDbOf, enqueueTrackedJob, type EnqueueResult, type QueuedJobData } from "@/lib/jobs/tracker";
import { logger } from "@/lib/log/logger";

export type ProcessNotificationPayload = { notificationId: string; force?: boolean };

/** A stored notification; traceparent: the callback's trace, which its processing job continues (issue 24). */
type StoredRef = { id: string; customerId: string; traceparent?: string };

/** One processing job, queued now (support's retry and replay, a job's retry, the sweep); in `tx` when given. */
export function enqueueNotificationProcessing(
  notification: StoredRef,
  triggeredBy: string,
  opts: { force?: boolean } = {},
  tx?: Prisma.TransactionClient,
): Promise<EnqueueResult> {
  const payload: ProcessNotificationPayload = {
    notificationId: notification.id,
    ...(opts.force ? { force: true } : {}),
  };
  return enqueueTrackedJob(
    { kind: "PROCESS_NOTIFICATION", customerId: notification.customerId, payload, triggeredBy },
    tx,
  );
}

/** Writes tracked Job rows and their pg-boss jobs for many notifications in one transaction. */
export async function enqueueNotificationBatch(
  notifications: readonly StoredRef[],
  triggeredBy: string,
): Promise<void> {
  if (notifications.length === 0) return;
  const maxAttempts = env().JOBS_MAX_ATTEMPTS;
  const jobs = notifications.map((n) => ({ trackedJobId: randomUUID(), queueJobId: randomUUID(), n }));
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    await tx.job.createMany({
      data: jobs.map((j) => ({
        id: j.trackedJobId,
        kind: "PROCESS_NOTIFICATION" as const,
        customerId: j.n.customerId,
        payload: { notificationId: j.n.id } satisfies ProcessNotificationPayload as Prisma.InputJsonValue,
        triggeredBy,
        maxAttempts,
        queueJobId: j.queueJobId,
      })),
    });
    // pg-boss writes through this transaction (its `db` option), with the queue's retry policy.
    await boss.insert(
      jobs.map((j) => ({
        id: j.queueJobId,
        name: queueName("PROCESS_NOTIFICATION"),
        data: { trackedJobId: j.trackedJobId, traceparent: j.n.traceparent } satisfies QueuedJobData,
      })),
      { db: bossDbOf(tx) },
    );
  });
}

const BATCH_WINDOW_MS = 20;
const BATCH_MAX = 200;

export type ProcessingBatch = { items: StoredRef[]; timer: NodeJS.Timeout; release: () => void; done: Promise<void> };
const globalForBatch = globalThis;

/**
 * Pauses before each new try of a batch that could not be written (the database restarting, say): about a
 * minute in all, while the process lives. After the last, the sweep queues what is still unqueued.
 */
export const BATCH_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];

async function runBatch(batch: ProcessingBatch): Promise<void> {
  // From here on new notifications start the next batch; this one's items are read synchronously below.
  if (globalForBatch.onrampProcessingBatch === batch) globalForBatch.onrampProcessingBatch = null;
  let items = batch.items;
  for (let attempt = 1; ; attempt++) {
    try {
      // A try that failed may still have committed (the answer to COMMIT lost): a new try queues only
      // what is still PENDING without a live job, so nothing is queued twice.
      if (attempt > 1) items = await unqueued(items);
      await enqueueNotificationBatch(items, "system:callback");
      return;
    } catch (err) {
      const delay = BATCH_RETRY_DELAYS_MS[attempt - 1];
      if (delay === undefined) {
        // Stored and answered: the sweep of a later reconcile pass queues them (sweepPendingNotifications).
        logger().error({ err, count: items.length }, "could not queue notification processing; the sweep will");
        return;
      }
      logger().warn(
        { err, count: items.length, attempt },
        `could not queue notification processing; trying again in ${delay / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function openBatch(): ProcessingBatch {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const batch: ProcessingBatch = {
    items: [],
    timer: setTimeout(() => release(), BATCH_WINDOW_MS),
    release,
    done: Promise.resolve(),
  };
  batch.done = gate.then(() => runBatch(batch));
  return batch;
}

/**
 * Queues processing of a notification just stored by the callback; resolves once its batch is written
 * (or has failed and been logged), so Next's after() keeps the work alive until then.
 */
export function queueProcessingSoon(notification: StoredRef): Promise<void> {
  const batch = globalForBatch.onrampProcessingBatch ?? openBatch();
  globalForBatch.onrampProcessingBatch = batch;
  batch.items.push(notification);
  if (batch.items.length >= BATCH_MAX) {
    clearTimeout(batch.timer);
    batch.release();
  }
  return batch.done;
}

/** No tracked processing job of this notification (alias n) is live, in the tracker and in the queue. */
const NO_LIVE_PROCESSING_JOB = `NOT EXISTS (
  SELECT 1 FROM "Job" j
  WHERE j."kind" = 'PROCESS_NOTIFICATION' AND ${activeJobStatusSql('j."status"')}
    AND j."payload"->>'notificationId' = n."id" AND ${QUEUE_JOB_IS_LIVE})`;

/** Those of `items` still PENDING with no live processing job. */
async function unqueued(items: readonly StoredRef[]): Promise<StoredRef[]> {
  return db.$queryRawUnsafe<StoredRef[]>(
    `SELECT n."id", n."customerId" FROM "Notification" n
     WHERE n."id" = ANY($1::text[]) AND n."processingState" = 'PENDING' AND ${NO_LIVE_PROCESSING_JOB}`,
    items.map((n) => n.id),
  );
}

/** Stored notifications whose job was never queued wait at most this long for the sweep. */
export const SWEEP_AFTER_MS = 2 * 60 * 1000;

/**
 * Queues processing for PENDING notifications that have no live job: the batch after the 200 failed
 * or the process died between answering and queuing, or the job died mid-processing. Runs with every
 * fallback poll (C28) and every reconcile pass (server/reconcile-pass.ts).
 */
export async function sweepPendingNotifications(
  now: Date = new Date(),
  scope: { customerId?: string } = {},
): Promise<number> {
  const only = scope.customerId ?? null;
  await getBoss(); // the live-job check reads pg-boss's tables, which exist once it has started
  // A PROCESSING notification whose job died (worker killed, expired on its last attempt) is PENDING again.
  await db.$executeRawUnsafe(
    `UPDATE "Notification" n SET "processingState" = 'PENDING'
     WHERE ($1::text IS NULL OR n."customerId" = $1::text) AND n."processingState" = 'PROCESSING' AND ${NO_LIVE_PROCESSING_JOB}`,
    only,
  );
  const stale = await db.$queryRawUnsafe<StoredRef[]>(
    `SELECT n."id", n."customerId" FROM "Notification" n
     WHERE ($2::text IS NULL OR n."customerId" = $2::text) AND n."processingState" = 'PENDING' AND n."receivedAt" < $1 AND ${NO_LIVE_PROCESSING_JOB}
     ORDER BY n."receivedAt" LIMIT 500`,
    new Date(now.getTime() - SWEEP_AFTER_MS),
    only,
  );
  if (stale.length > 0) {
    await enqueueNotificationBatch(stale, "system:sweep");
    logger().info({ count: stale.length }, "queued processing of notifications left pending");
  }
  return stale.length;
}
