import "server-only";
// The tracker (C28): every job has a row in Job with its status, attempts, counts and last error.
// pg-boss carries the work; this row is what the customer page, support console and issues view read.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Prisma } from "@/lib/db/generated/client";
import type { JobKind } from "@/lib/db/enums";
import { archivedCustomerRefusal } from "./archived";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { logger } from "@/lib/log/logger";
import { currentTraceparent } from "@/lib/tracing/spans";
import { getBoss, queueName } from "./boss";

export type EnqueueInput = {
  kind: JobKind;
  customerId: string | null;
  payload: Prisma.InputJsonValue;
  /** User id, "system:poll", "api-token:…": who asked for it. */
  triggeredBy?: string;
  /** At most one queued and one active job per key; honoured on "stately" queues only (lib/jobs/boss.ts). */
  singletonKey?: string;
  startAfterSeconds?: number;
};

export type EnqueueResult = { trackedJobId: string; queued: boolean };

/** A queue job's data: its tracker row, and the trace it continues (issue 24 point 2; absent when tracing is off). */
export type QueuedJobData = { trackedJobId: string; traceparent?: string };

type Tx = Prisma.TransactionClient;

/** pg-boss writes through a Prisma transaction (its `db` option), so its job commits with our rows. */
export function bossDbOf(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<{ id: string }[]>(text, ...values.map((v) => (v === undefined ? null : v))),
    }),
  };
}

/**
 * Creates the tracker row and its queue job in ONE transaction (the caller's `tx`, so the work commits
 * with the change that needs it: an outbox), never one without the other. If the queue refuses (a
 * singleton already queued), the row is written CANCELLED with the reason so nothing stays QUEUED.
 */
export async function enqueueTrackedJob(input: EnqueueInput, tx?: Tx): Promise<EnqueueResult> {
  if (!tx) return db.$transaction((own) => enqueueTrackedJob(input, own));
  // Issue 20 item 5: nothing new starts for an archived customer (retries by hand included).
  const archived = await archivedCustomerRefusal(input, tx);
  if (archived) throw new SafeError("conflict", archived);
  const boss = await getBoss();
  const trackedJobId = randomUUID();
  const traceparent = currentTraceparent();
  const data: QueuedJobData = { trackedJobId, ...(traceparent ? { traceparent } : {}) };
  const queueJobId = await boss.send(queueName(input.kind), data, {
    db: bossDbOf(tx),
    ...(input.singletonKey ? { singletonKey: input.singletonKey } : {}),
    ...(input.startAfterSeconds ? { startAfter: input.startAfterSeconds } : {}),
  });
  await tx.job.create({
    data: {
      id: trackedJobId,
      kind: input.kind,
      customerId: input.customerId,
      payload: input.payload,
      triggeredBy: input.triggeredBy ?? null,
      maxAttempts: env().JOBS_MAX_ATTEMPTS,
      queueJobId,
      ...(queueJobId
        ? {}
        : {
            status: "CANCELLED" as const,
            finishedAt: new Date(),
            lastError: "An identical job is already queued; that one will do the work.",
          }),
    },
  });
  return { trackedJobId, queued: queueJobId !== null };
}

export async function markRunning(trackedJobId: string, attempt: number) {
  return db.job.update({
    where: { id: trackedJobId },
    data: { status: "RUNNING", attempts: attempt, startedAt: new Date(), lastError: null },
  });
}

// An attempt's result is written only while that attempt is the row's current one. pg-boss expires an
// attempt that outlives JOBS_EXPIRE_SECONDS and starts the next one while the first may still be running;
// the late result of the stale attempt must not overwrite the newer one's (it left the row RETRYING
// after the newer attempt had finished, so the job never reached a terminal state).
const currentAttempt = (trackedJobId: string, attempt: number) => ({
  id: trackedJobId,
  attempts: attempt,
  status: "RUNNING" as const,
});

/** Answers whether the result was recorded (false: a newer attempt owns the row). */
export async function markSucceeded(trackedJobId: string, attempt: number): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: currentAttempt(trackedJobId, attempt),
    data: { status: "SUCCEEDED", finishedAt: new Date() },
  });
  return count === 1;
}

/** Answers whether the result was recorded (false: a newer attempt owns the row). */
export async function markAttemptFailed(
  trackedJobId: string,
  attempt: number,
  message: string,
  final: boolean,
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: currentAttempt(trackedJobId, attempt),
    data: { status: final ? "FAILED" : "RETRYING", lastError: message, ...(final ? { finishedAt: new Date() } : {}) },
  });
  if (count === 1 && final) logger().warn({ trackedJobId, message }, "job failed after its last attempt");
  return count === 1;
}

export async function recordProgress(trackedJobId: string, p: { total?: number; succeeded?: number; failed?: number }) {
  await db.job.update({
    where: { id: trackedJobId },
    data: {
      ...(p.total !== undefined ? { totalCount: p.total } : {}),
      ...(p.succeeded !== undefined ? { succeededCount: p.succeeded } : {}),
      ...(p.failed !== undefined ? { failedCount: p.failed } : {}),
    },
  });
}

export async function recordOutcome(trackedJobId: string, outcome: string) {
  await db.job.update({ where: { id: trackedJobId }, data: { outcome } });
}

/** Ends a run that must not happen (its customer was archived after it was queued): CANCELLED, with why. */
export async function markCancelled(trackedJobId: string, attempt: number, message: string): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: currentAttempt(trackedJobId, attempt),
    data: { status: "CANCELLED", lastError: message, finishedAt: new Date() },
  });
  return count === 1;
}
