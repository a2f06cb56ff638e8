import "server-only";
// Starts this process's share of the work listed in ./composition.ts: the job kinds' workers, the schedules and the
// polling loops. Every Onramp process may run workers; pg-boss hands each job to one of them.
import { JobKind } from "@/lib/db/enums";
import { queueDomainsSyncIfPublicUrlChanged } from "@/lib/customers/public-origin";
import { env } from "@/lib/env";
import { getBoss, queueName } from "@/lib/jobs/boss";
import { startLoop, stopLoops } from "@/lib/jobs/loop";
import { runOne } from "@/lib/jobs/run";
import { startSchedule } from "@/lib/jobs/schedule";
import type { QueuedJobData } from "@/lib/jobs/tracker";
import { stopWorkLanes, workQueue } from "@/lib/jobs/work";
import { logger } from "@/lib/log/logger";
import { oncePerProcess } from "@/lib/runtime/once";
import { isShuttingDown, onShutdown } from "@/lib/runtime/shutdown";
import { LOOPS, SCHEDULES } from "./composition";
import { jobHandlers } from "./jobs";

/** A stop's first step (issue 24): no new job or delivery; those under way finish within `drainMs` or are handed back. */
async function stopTakingWork(drainMs: number): Promise<void> {
  await Promise.all([stopWorkLanes(drainMs), stopLoops(drainMs)]);
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
  for (const loop of LOOPS) startLoop(loop);
  for (const schedule of SCHEDULES) await startSchedule(schedule);
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
 * worked, schedules already registered and loops already running are left as they are.
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
  return oncePerProcess("workers", start);
}
