import "server-only";
// pg-boss (an existing Postgres job engine, v10 for Node 20) holds the queues; one instance per
// process, started on first use. Several Onramp processes share the queues through Postgres.
import PgBoss from "pg-boss";
import { JobKind } from "@/lib/db/enums";
import { describeConnectionError } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { forgetStart, oncePerProcess } from "@/lib/runtime/once";
import { onShutdown } from "@/lib/runtime/shutdown";
import { stopWorkLanes } from "./work";

// Queues whose jobs carry a singletonKey: "stately" keeps at most one queued and one active job per
// key (pg-boss ignores singletonKey on standard queues). A policy is fixed when the queue is created.
const QUEUE_POLICIES: Partial<Record<JobKind, "stately">> = {
  PROVISION_APPLICATION: "stately",
};

export function queueName(kind: JobKind): string {
  return `onramp.${kind.toLowerCase()}`;
}

async function startBoss(): Promise<PgBoss> {
  const e = env();
  const boss = new PgBoss({
    connectionString: e.DATABASE_URL,
    schema: "pgboss",
    max: 5,
    application_name: "onramp-jobs",
    // Expired jobs (a killed worker's) are found and retried on this beat.
    maintenanceIntervalSeconds: e.JOBS_SUPERVISE_SECONDS,
  });
  // A connection error carries the pg client (pg-pool attaches it), which is no log line's business.
  boss.on("error", (err) =>
    logger().error({ err: "client" in err ? describeConnectionError(err) : err }, "job engine error"),
  );
  await boss.start();
  // Issue 24: stopped on a stop once the web server is closed (its requests queue jobs through it to the end).
  onShutdown("queue", () => stopBoss());
  await ensureJobQueues(boss);
  return boss;
}

/** Creates (or updates) the queue of every job kind with the current retry and expiry settings. */
export async function ensureJobQueues(boss: PgBoss): Promise<void> {
  const e = env();
  for (const kind of Object.values(JobKind)) {
    const name = queueName(kind);
    const options = {
      name,
      retryLimit: Math.max(0, e.JOBS_MAX_ATTEMPTS - 1),
      retryDelay: e.JOBS_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: e.JOBS_EXPIRE_SECONDS,
    };
    const policy = QUEUE_POLICIES[kind];
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await createQueueOnce(boss, { ...options, ...(policy ? { policy } : {}) });
  }
}

/**
 * createQueue is not idempotent across processes: two instances starting on a fresh database create the
 * same queue at once and PostgreSQL may answer one of them "deadlock detected" (found by the chaos run,
 * `npm run chaos`), which failed that instance's start. Whoever lost looks again: the queue the other made
 * is fine; a queue still missing is created again after a short, jittered pause.
 */
async function createQueueOnce(boss: PgBoss, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(options.name, options);
      return;
    } catch (err) {
      if (await boss.getQueue(options.name)) return;
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

export function getBoss(): Promise<PgBoss> {
  return oncePerProcess("boss", startBoss);
}

export async function stopBoss(): Promise<void> {
  const pending = forgetStart("boss");
  await stopWorkLanes(); // the lanes settle their current job through this boss first
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 });
}

/** Creates a plain queue (a schedule's tick queue) unless it exists; safe when several processes start at once. */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  await createQueueOnce(boss, { name, retryLimit: 0 });
}
