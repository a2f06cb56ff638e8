import "server-only";
import { db } from "@/lib/db/client";
// C26, L17: a job that failed while its customer's application is held until midnight UTC (LinkedIn's
// daily limit is spent, lib/linkedin/daily-hold.ts) does not burn its attempts against the hold. It ends
// CANCELLED with an outcome support can read ("held until 00:00 UTC …") and a new run of the same kind
// and payload is queued, in the same transaction, to start when the hold ends. Support can also retry the
// cancelled job by hand; it is then rescheduled the same way while the hold lasts.
import type { Prisma } from "@/lib/db/generated/client";
import { activeHoldsOf, heldUntilWords } from "@/lib/linkedin";
import { logger } from "@/lib/log/logger";
import { enqueueTrackedJob } from "./tracker";

export const HELD_TRIGGER = "system:daily-limit";

type TrackedRun = {
  id: string;
  kind: Parameters<typeof enqueueTrackedJob>[0]["kind"];
  customerId: string | null;
  payload: Prisma.JsonValue;
};

/**
 * When the job's customer's application is held, ends this attempt CANCELLED and queues the next run for
 * the hold's end; answers that run's id, or null when there is no hold (the failure takes its usual course).
 */
export async function rescheduleIfHeld(job: TrackedRun, attempt: number, now = new Date()): Promise<string | null> {
  if (!job.customerId) return null;
  const app = await db.customerApplication.findUnique({
    where: { customerId: job.customerId },
    select: { clientId: true },
  });
  if (!app) return null;
  const [hold] = await activeHoldsOf(app.clientId, now);
  if (!hold) return null;
  const startAfterSeconds = Math.max(1, Math.ceil((hold.heldUntil.getTime() - now.getTime()) / 1000));
  const customerId = job.customerId;
  return db.$transaction(async (tx) => {
    const next = await enqueueTrackedJob(
      {
        kind: job.kind,
        customerId,
        payload: (job.payload ?? {}) as Prisma.InputJsonValue,
        triggeredBy: HELD_TRIGGER,
        startAfterSeconds,
      },
      tx,
    );
    const words =
      `LinkedIn's daily limit of this customer's application is spent (${hold.resource}): its calls are ${heldUntilWords(hold.heldUntil)}. ` +
      `This run stopped; job ${next.trackedJobId} is queued to start then.`;
    await tx.job.updateMany({
      where: { id: job.id, attempts: attempt, status: "RUNNING" },
      data: { status: "CANCELLED", finishedAt: now, lastError: words, outcome: words },
    });
    logger().info(
      { trackedJobId: job.id, next: next.trackedJobId, heldUntil: hold.heldUntil },
      "job held until midnight UTC",
    );
    return next.trackedJobId;
  });
}
