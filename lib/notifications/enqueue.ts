import "server-only";
// Processing of a stored notification runs as a tracked job (C28), never inside the callback request.
import { db } from "@/lib/db/client";
import { enqueueTrackedJob, type EnqueueResult } from "@/lib/jobs/tracker";
import { logger } from "@/lib/log/logger";

export type ProcessNotificationPayload = { notificationId: string; force?: boolean };

export function enqueueNotificationProcessing(
  notification: { id: string; customerId: string },
  triggeredBy: string,
  opts: { force?: boolean } = {},
): Promise<EnqueueResult> {
  const payload: ProcessNotificationPayload = { notificationId: notification.id, ...(opts.force ? { force: true } : {}) };
  return enqueueTrackedJob({ kind: "PROCESS_NOTIFICATION", customerId: notification.customerId, payload, triggeredBy });
}

/** Stored notifications whose job was never queued wait at most this long for the sweep. */
export const SWEEP_AFTER_MS = 2 * 60 * 1000;

/**
 * Queues processing for PENDING notifications that have no live job: the enqueue after the 200 failed
 * or the process died between answering and enqueuing. Runs with every fallback poll (C28).
 */
export async function sweepPendingNotifications(now: Date = new Date()): Promise<number> {
  const stale = await db.$queryRaw<{ id: string; customerId: string }[]>`
    SELECT n."id", n."customerId" FROM "Notification" n
    WHERE n."processingState" = 'PENDING' AND n."receivedAt" < ${new Date(now.getTime() - SWEEP_AFTER_MS)}
      AND NOT EXISTS (
        SELECT 1 FROM "Job" j
        WHERE j."kind" = 'PROCESS_NOTIFICATION' AND j."status" IN ('QUEUED', 'RUNNING', 'RETRYING')
          AND j."payload"->>'notificationId' = n."id")
    ORDER BY n."receivedAt" LIMIT 500`;
  for (const n of stale) await enqueueNotificationProcessing(n, "system:sweep");
  if (stale.length > 0) logger().info({ count: stale.length }, "queued processing of notifications left pending");
  return stale.length;
}
