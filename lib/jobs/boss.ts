import "server-only";
// pg-boss (an existing Postgres job engine, v10 for Node 20) holds the queues; one instance per
// process, started on first use. Several Onramp processes share the queues through Postgres.
import PgBoss from "pg-boss";
import { JobKind } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

const globalForBoss = globalThis;

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
  });
  boss.on("error", (err) => logger().error({ err }, "job engine error"));
  await boss.start();
  for (const kind of Object.values(JobKind)) {
    const name = queueName(kind);
    const options = {
      name,
      retryLimit: Math.max(0, e.JOBS_MAX_ATTEMPTS - 1),
      retryDelay: e.JOBS_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: e.JOBS_EXPIRE_SECONDS,
    };
    // createQueue is not idempotent across concurrent starts; updateQueue keeps options current.
    const existing = await boss.getQueue(name);
    const policy = QUEUE_POLICIES[kind];
    if (!existing)
      await boss.createQueue(name, { ...options, ...(policy ? { policy } : {}) }).catch(async (err: unknown) => {
        if (!(await boss.getQueue(name))) throw err;
      });
    else await boss.updateQueue(name, options);
  }
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  globalForBoss.onrampBoss ??= startBoss().catch((err: unknown) => {
    globalForBoss.onrampBoss = undefined;
    throw err;
  });
  return globalForBoss.onrampBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.onrampBoss;
  globalForBoss.onrampBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 });
}

/** Creates a plain queue (a schedule's tick queue) unless it exists; safe when several processes start at once. */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  await boss.createQueue(name, { name, retryLimit: 0 }).catch(async (err: unknown) => {
    if (!(await boss.getQueue(name))) throw err;
  });
}
