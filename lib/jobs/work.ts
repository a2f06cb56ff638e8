import "server-only";
// Onramp's queue workers: fetch a job, run its handler, record the outcome, as pg-boss's work() does, but
// with the outcome's write awaited. pg-boss 10's work() calls complete()/fail() without awaiting them
// (node_modules/pg-boss/src/manager.js, watch → onFetch): when a handler ends while PostgreSQL is down
// (a handler that fails BECAUSE it is down, typically), that write is refused and its rejection is
// unhandled ("⨯ unhandledRejection: Error: connect ECONNREFUSED", seen in the chaos run's outage,
// issue 11). Here the write's failure is logged, and the job stays active until pg-boss expires it
// (JOBS_EXPIRE_SECONDS) and hands it on, exactly as a killed worker's job: handlers resume from the
// database, so nothing is lost.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/runtime/shutdown";

export type WorkOptions = { lanes: number; pollingIntervalMs: number };
export type WorkHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>;

/** A job a lane of this process runs now; `handedBack` once a stop gave it back to the queue (issue 24). */
type HeldJob = { boss: PgBoss; queue: string; id: string; handedBack: boolean };
export type WorkLanes = {
  stopping: boolean;
  running: Promise<void>[];
  wake: Set<() => void>;
  queues: Set<string>;
  held: Set<HeldJob>;
};
const globalForWork = globalThis;

function lanes(): WorkLanes {
  globalForWork.onrampWorkLanes ??= {
    stopping: false,
    running: [],
    wake: new Set(),
    queues: new Set(),
    held: new Set(),
  };
  return globalForWork.onrampWorkLanes;
}

/** Waits `ms`, or less when woken: by `onWaker`'s function (a lane freed) or by stopWorkLanes. */
function pause(ms: number, onWaker: (wake: () => void) => void): Promise<void> {
  const l = lanes();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      l.wake.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    l.wake.add(done);
    onWaker(done);
  });
}

/** pg-boss's own bound: a handler running past the job's expiry is failed (and the job retried). */
function withinExpiry(run: Promise<unknown>, seconds: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler execution exceeded ${seconds} s`)), Math.max(1, seconds) * 1000);
  });
  return Promise.race([run, expired]).finally(() => clearTimeout(timer));
}

/** Runs one fetched job and records its outcome; never rejects. */
export async function runAndSettle<T>(
  boss: PgBoss,
  queue: string,
  job: PgBoss.JobWithMetadata<T>,
  handler: WorkHandler<T>,
  handedBack: () => boolean = () => false,
): Promise<void> {
  let outcome: { completed: true; output: unknown } | { completed: false; error: unknown };
  try {
    outcome = { completed: true, output: await withinExpiry(handler(job), job.expireInSeconds) };
  } catch (error) {
    outcome = { completed: false, error };
  }
  if (handedBack()) return; // a stop already gave it back to the queue: its outcome is the next attempt's
  try {
    if (outcome.completed) {
      const output = outcome.output;
      if (output !== null && typeof output === "object") await boss.complete(queue, job.id, output);
      else await boss.complete(queue, job.id);
    } else {
      const e = outcome.error;
      await boss.fail(queue, job.id, e instanceof Error ? e : { value: String(e) });
    }
  } catch (err) {
    logger().error(
      { err, queue, queueJobId: job.id, outcome: outcome.completed ? "completed" : "failed" },
      "job engine: could not record the job's outcome (is the database reachable?); the job stays active until it expires and is then handed on",
    );
  }
}

/**
 * Up to `options.lanes` jobs of `queue` at a time in this process. One loop per queue fetches (one job per
 * fetch, as pg-boss's work() does) while a lane is free, and otherwise waits `pollingIntervalMs` or until a
 * lane frees: an idle queue costs one query per interval, not one per lane (with nine job kinds and
 * JOBS_CONCURRENCY lanes each, per-lane polling was most of an idle instance's database load). A queue
 * already worked in this process is left as it is (a start that failed half-way may run again).
 */
export function workQueue<T>(boss: PgBoss, queue: string, options: WorkOptions, handler: WorkHandler<T>): void {
  if (isShuttingDown()) return; // a start still under way when the stop began (issue 24)
  const l = lanes();
  if (l.queues.has(queue)) return;
  l.queues.add(queue);
  const active = new Set<Promise<void>>();
  let wakeLoop: (() => void) | null = null;
  const loop = async () => {
    let failing = false;
    while (!l.stopping) {
      if (active.size < options.lanes) {
        let job: PgBoss.JobWithMetadata<T> | undefined;
        try {
          [job] = await boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
          failing = false;
        } catch (err) {
          if (!failing) logger().error({ err, queue }, "job engine: could not fetch jobs; trying again");
          failing = true;
        }
        if (job) {
          const held: HeldJob = { boss, queue, id: job.id, handedBack: false };
          l.held.add(held);
          const run: Promise<void> = runAndSettle(boss, queue, job, handler, () => held.handedBack).finally(() => {
            l.held.delete(held);
            active.delete(run);
            wakeLoop?.();
          });
          active.add(run);
          continue;
        }
      }
      if (!l.stopping) await pause(options.pollingIntervalMs, (wake) => (wakeLoop = wake));
    }
    await Promise.all(active);
  };
  l.running.push(loop());
}

/** Message of the failure a stop records on a job it hands back (pg-boss retries it after its retry delay). */
export const HANDED_BACK = "handed back: the instance running it was stopping";

/**
 * Gives a job back to the queue now instead of at its expiry (JOBS_EXPIRE_SECONDS): failed, so pg-boss retries it
 * after its retry delay, and that attempt counts, exactly as an expired one's (the crash path). Handlers resume
 * from the database, so the next attempt redoes nothing already done.
 */
async function handBack(held: HeldJob): Promise<void> {
  held.handedBack = true;
  try {
    await held.boss.fail(held.queue, held.id, { message: HANDED_BACK });
  } catch (err) {
    logger().warn(
      { err, queue: held.queue, queueJobId: held.id },
      "job engine: could not hand a job back while stopping; it is retried once it expires",
    );
  }
}

/**
 * Stops every lane of this process: no lane fetches again, and each job under way is settled as usual. With
 * `drainMs` (a stop, issue 24 point 5), jobs still running after that long are handed back (handBack) and not
 * waited for; without it (tests, stopBoss) every job is waited for.
 */
export async function stopWorkLanes(drainMs?: number): Promise<void> {
  const l = globalForWork.onrampWorkLanes;
  if (!l) return;
  l.stopping = true;
  for (const wake of l.wake) wake();
  const settled = Promise.all(l.running).then(() => true);
  if (drainMs === undefined) await settled;
  else {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), drainMs);
    });
    const allSettled = await Promise.race([settled, late]);
    clearTimeout(timer);
    if (!allSettled) await Promise.all([...l.held].map(handBack));
  }
  globalForWork.onrampWorkLanes = undefined;
}
