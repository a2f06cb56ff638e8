import "server-only";
// Runs the job handlers. Every Onramp process may run workers; pg-boss hands each job to one of them.
// A worker that dies mid-job leaves it active until pg-boss expires it (JOBS_EXPIRE_SECONDS), then it
// is retried: handlers resume from what the database says is still to do, so nothing is lost. If that
// was the last attempt, the reconcile pass (lib/jobs/reconcile-pass.ts) marks the Job row FAILED.
import type PgBoss from "pg-boss";
import { JobKind } from "@/lib/db/enums";
import { archivedCustomerRefusal } from "@/lib/customers/archived";
import { queueDomainsSyncIfPublicUrlChanged } from "@/lib/customers/public-origin";
import { startEmailSchedule } from "@/lib/email/schedule";
import { env } from "@/lib/env";
import { toSafeError } from "@/lib/errors/respond";
import { logger } from "@/lib/log/logger";
import { startPollSchedule } from "@/lib/onboarding-status/schedule";
import { isShuttingDown, onShutdown } from "@/lib/runtime/shutdown";
import { startWebhookSender } from "@/lib/webhooks/send";
import { getBoss, queueName } from "./boss";
import { isPermanentJobError } from "./errors";
import { rescheduleIfHeld } from "./held";
import { startReconcileSchedule } from "./reconcile-pass";
import { jobHandlers } from "./registry";
import {
  markAttemptFailed,
  markCancelled,
  markRunning,
  markSucceeded,
  type QueuedJobData,
  recordProgress,
} from "./tracker";
import type { JobHandler } from "./types";
import { stopWorkLanes, workQueue } from "./work";

const globalForWorkers = globalThis;

/** What a run reads of its pg-boss job. */
export type QueuedRun = Pick<PgBoss.JobWithMetadata<QueuedJobData>, "data" | "retryCount" | "retryLimit">;

export async function runOne(handler: Pick<JobHandler, "kind" | "execute">, job: QueuedRun): Promise<void> {
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
  } catch (err) {
    // Only SafeError messages are stored: they are written for people and carry no secrets.
    const message = toSafeError(err).message;
    const permanent = isPermanentJobError(err);
    // C26, L17: the application's daily limit is spent; the job runs again at midnight UTC instead of failing.
    if (!permanent && (await rescheduleIfHeld(tracked, attempt))) return;
    await markAttemptFailed(trackedJobId, attempt, message, isLastAttempt || permanent);
    // A permanent failure completes the queue job: retrying can not help, a person must act first.
    if (permanent) return;
    throw err; // pg-boss schedules the retry (or records the failure after the last attempt)
  }
}

/** A stop's first step (issue 24): no new job or delivery; those under way finish within `drainMs` or are handed back. */
async function stopTakingWork(drainMs: number): Promise<void> {
  await Promise.all([stopWorkLanes(drainMs), globalForWorkers.onrampWebhookSender?.stop(drainMs)]);
}

async function start(): Promise<void> {
  onShutdown("jobs", stopTakingWork);
  const boss = await getBoss();
  const handlers = jobHandlers();
  // One job at a time per lane: JOBS_CONCURRENCY lanes per kind (lib/jobs/work.ts, not pg-boss's work()).
  const concurrency = env().JOBS_CONCURRENCY;
  for (const kind of Object.values(JobKind)) {
    const handler = handlers[kind];
    if (!handler) continue;
    workQueue<QueuedJobData>(boss, queueName(kind), { lanes: concurrency, pollingIntervalMs: 500 }, (job) =>
      runOne(handler, job),
    );
  }
  // The hourly fallback poll (C28) is a pg-boss schedule whose tick queues a tracked POLL_STATUS job.
  await startPollSchedule();
  startWebhookSender(); // issue 12: delivers the event outbox to the vendor's endpoints
  // Every minute: jobs whose worker died become FAILED, and the work they left is queued again.
  await startReconcileSchedule();
  // The email sweep (issue 14): reminders, digest, and delivery of the email outbox.
  await startEmailSchedule();
  // L6: a changed PUBLIC_URL reaches every application's validJsSdkDomains (one instance queues the job).
  const origin = await queueDomainsSyncIfPublicUrlChanged();
  if (origin.queued)
    logger().info({ origin: origin.origin, jobId: origin.jobId }, "public origin changed: domains job queued");
  logger().info({ kinds: Object.keys(handlers) }, "job workers started");
}

/**
 * For instrumentation.ts: starts the workers without holding up the web server, and keeps trying every 5 s,
 * saying why, while the database is unreachable or too slow. Awaited there, a failed start failed Next's
 * instrumentation hook, and an instance started during a PostgreSQL outage answered every request with an
 * error for good (found by the chaos run, issue 11). Every step of the start may run again: queues already
 * worked, schedules already registered and the webhook sender are left as they are.
 */
export function startWorkersInBackground(retryMs = 5000): void {
  const attempt = (n: number): void => {
    startWorkers().catch((err: unknown) => {
      if (isShuttingDown()) return; // the stop ended the start (its database closed): nothing to report
      logger().error(
        { err, attempt: n },
        `job workers could not start (is the database reachable?); trying again in ${retryMs / 1000} s`,
      );
      setTimeout(() => attempt(n + 1), retryMs).unref();
    });
  };
  attempt(1);
}

/** Starts this process's workers once. */
export function startWorkers(): Promise<void> {
  globalForWorkers.onrampWorkers ??= start().catch((err: unknown) => {
    globalForWorkers.onrampWorkers = undefined;
    throw err;
  });
  return globalForWorkers.onrampWorkers;
}
