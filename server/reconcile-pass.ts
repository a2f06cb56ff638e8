import "server-only";
// The periodic reconcile pass (every minute, one process per tick: a schedule of ./composition.ts):
// tracked jobs whose queue job died become FAILED (lib/jobs/reconcile.ts), then the domain sweeps
// re-queue what such jobs or a crash between a commit and its enqueue left: names and configurations
// (lib/integrations/redrive.ts) and notifications (lib/notifications/enqueue.ts); secret rolls whose process died
// after storing LinkedIn's answer are settled (lib/customers/secret-roll.ts, issue 20 item 7).
import { sweepSecretRolls } from "@/lib/customers/secret-roll";
import { redrivePendingSyncs, type RedriveSummary } from "@/lib/integrations/redrive";
import { sweepPendingNotifications } from "@/lib/notifications/enqueue";
import { getBoss } from "@/lib/jobs/boss";
import { failDeadJobs } from "@/lib/jobs/reconcile";

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
