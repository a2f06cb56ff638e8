import "server-only";
// The periodic reconcile pass (every minute, one process per tick through pg-boss's schedule):
// tracked jobs whose queue job died become FAILED (lib/jobs/reconcile.ts), then the domain sweeps
// re-queue what such jobs or a crash between a commit and its enqueue left: names and configurations
// (lib/integrations/redrive.ts) and notifications (lib/notifications/enqueue.ts); secret rolls whose process died
// after storing LinkedIn's answer are settled (lib/customers/secret-roll.ts, issue 20 item 7).
import { sweepSecretRolls } from "@/lib/customers/secret-roll";
import { env } from "@/lib/env";
import { redrivePendingSyncs, type RedriveSummary } from "@/lib/integrations/redrive";
import { logger } from "@/lib/log/logger";
import { sweepPendingNotifications } from "@/lib/notifications/enqueue";
import { ensureQueue, getBoss } from "./boss";
import { failDeadJobs } from "./reconcile";
import { workQueue } from "./work";

export const RECONCILE_QUEUE = "onramp.reconcile";

export type ReconcileSummary = RedriveSummary & {
  deadJobs: number;
  notificationsQueued: number;
  secretRolls: Awaited<ReturnType<typeof sweepSecretRolls>>;
};

/** Every customer, or one (tests on the shared database; support's look at one customer). */
export async function runReconcilePass(scope: { customerId?: string } = {}): Promise<ReconcileSummary> {
  await getBoss(); // the queue's tables exist once pg-boss has started
  const deadJobs = (await failDeadJobs(scope)).length;
  const redrive = await redrivePendingSyncs(scope);
  const notificationsQueued = await sweepPendingNotifications(new Date(), scope);
  const secretRolls = await sweepSecretRolls(new Date(), scope);
  return { deadJobs, ...redrive, notificationsQueued, secretRolls };
}

const globalForReconcile = globalThis;

async function start(): Promise<void> {
  // Under vitest many files share one database; tests call runReconcilePass() themselves.
  if (env().NODE_ENV === "test") return;
  const boss = await getBoss();
  await ensureQueue(boss, RECONCILE_QUEUE);
  await boss.schedule(RECONCILE_QUEUE, "* * * * *", {}, { tz: "UTC" });
  workQueue(boss, RECONCILE_QUEUE, { lanes: 1, pollingIntervalMs: 5000 }, async () => {
    const summary = await runReconcilePass();
    logger().debug(summary, "reconcile pass");
  });
}

/** Registers the reconcile schedule and its worker in this process, once (called by startWorkers). */
export function startReconcileSchedule(): Promise<void> {
  globalForReconcile.onrampReconcile ??= start().catch((err: unknown) => {
    globalForReconcile.onrampReconcile = undefined;
    throw err;
  });
  return globalForReconcile.onrampReconcile;
}
