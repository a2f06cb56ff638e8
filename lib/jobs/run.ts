import "server-only";
// One run of a tracked job (C28) by its handler: the tracker row says RUNNING, then SUCCEEDED, RETRYING or FAILED.
// A worker that dies mid-job leaves it active until pg-boss expires it (JOBS_EXPIRE_SECONDS), then it is retried:
// handlers resume from what the database says is still to do, so nothing is lost. If that was the last attempt,
// the reconcile pass (server/reconcile-pass.ts) marks the Job row FAILED.
import type PgBoss from "pg-boss";
import { toSafeError } from "@/lib/errors/respond";
import { metrics } from "@/lib/metrics/registry";
import { inSpan } from "@/lib/tracing/spans";
import { archivedCustomerRefusal } from "./archived";
import { isPermanentJobError } from "./errors";
import { rescheduleIfHeld } from "./held";
import {
  markAttemptFailed,
  markCancelled,
  markRunning,
  markSucceeded,
  type QueuedJobData,
  recordProgress,
} from "./tracker";
import type { JobHandler } from "./types";

/** What a run reads of its pg-boss job. */
export type QueuedRun = Pick<PgBoss.JobWithMetadata<QueuedJobData>, "data" | "retryCount" | "retryLimit">;

/** One attempt, in a span continuing the trace of whatever queued it (issue 24 point 2). */
export function runOne(handler: Pick<JobHandler, "kind" | "execute">, job: QueuedRun): Promise<void> {
  const attributes = { "onramp.job.kind": handler.kind, "onramp.job.attempt": job.retryCount + 1 };
  return inSpan(`job ${handler.kind}`, { kind: "consumer", parent: job.data.traceparent, attributes }, () =>
    runAttempt(handler, job),
  );
}

async function runAttempt(handler: Pick<JobHandler, "kind" | "execute">, job: QueuedRun): Promise<void> {
  const { trackedJobId } = job.data;
  const attempt = job.retryCount + 1;
  const maxAttempts = job.retryLimit + 1;
  const isLastAttempt = attempt >= maxAttempts;
  const tracked = await markRunning(trackedJobId, attempt);
  // Issue 20 item 5: queued before its customer was archived; it does not start (and is not retried).
  const archived = await archivedCustomerRefusal(tracked);
  if (archived) {
    await markCancelled(trackedJobId, attempt, archived);
    return;
  }
  try {
    await handler.execute(tracked.payload, {
      trackedJobId,
      kind: tracked.kind,
      customerId: tracked.customerId,
      attempt,
      maxAttempts,
      isLastAttempt,
      progress: (p) => recordProgress(trackedJobId, p),
    });
    await markSucceeded(trackedJobId, attempt);
    metrics().jobsFinished.inc({ kind: tracked.kind, outcome: "succeeded" });
  } catch (err) {
    // Only SafeError messages are stored: they are written for people and carry no secrets.
    const message = toSafeError(err).message;
    const permanent = isPermanentJobError(err);
    // C26, L17: the application's daily limit is spent; the job runs again at midnight UTC instead of failing.
    if (!permanent && (await rescheduleIfHeld(tracked, attempt))) return;
    await markAttemptFailed(trackedJobId, attempt, message, isLastAttempt || permanent);
    metrics().jobsFinished.inc({ kind: tracked.kind, outcome: isLastAttempt || permanent ? "failed" : "retrying" });
    // A permanent failure completes the queue job: retrying can not help, a person must act first.
    if (permanent) return;
    throw err; // pg-boss schedules the retry (or records the failure after the last attempt)
  }
}
