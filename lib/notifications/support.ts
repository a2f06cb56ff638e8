import "server-only";
// What support does with a stored notification (issue #5, #6): retry one that FAILED, or replay any
// settled one (look it up and apply it again, even past its expiry: a person decided to). Both queue a
// tracked job and are audited; the status rules of applyOnboardingStatus make a replay harmless.
import type { Actor } from "@/lib/auth/actor";
import { assertCustomerAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob } from "@/lib/jobs/permissions";
import { NOTIFICATION_STATE_WORDS } from "@/lib/status/vocabulary";
import { enqueueNotificationProcessing } from "./enqueue";

export type SupportActionResult = { trackedJobId: string; message: string };

async function loadFor(actor: Actor, notificationId: string) {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: { id: true, customerId: true, processingState: true },
  });
  if (!n) throw new SafeError("not_found", "No such notification.");
  assertCustomerAccess(actor, n.customerId);
  assertMayStartJob(actor, "PROCESS_NOTIFICATION");
  return n;
}

/** Retries a FAILED notification: back to PENDING and a new processing job. */
export async function retryNotification(notificationId: string, actor: Actor): Promise<SupportActionResult> {
  const n = await loadFor(actor, notificationId);
  const reset = await db.notification.updateMany({
    where: { id: n.id, processingState: "FAILED" },
    data: { processingState: "PENDING" },
  });
  if (reset.count === 0) {
    throw new SafeError(
      "conflict",
      `This notification is ${NOTIFICATION_STATE_WORDS[n.processingState].label}, not failed: there is nothing to retry.`,
    );
  }
  const { trackedJobId } = await enqueueNotificationProcessing(n, actor.userId);
  await recordAudit(actor, {
    action: "notification.retried",
    targetType: "Notification",
    targetId: n.id,
    customerId: n.customerId,
    details: { jobId: trackedJobId },
  });
  return { trackedJobId, message: "Retry queued: the notification will be looked up again." };
}

/** Replays a settled notification (processed, not handled, expired or failed). */
export async function replayNotification(notificationId: string, actor: Actor): Promise<SupportActionResult> {
  const n = await loadFor(actor, notificationId);
  const reset = await db.notification.updateMany({
    where: { id: n.id, processingState: { in: ["PROCESSED", "NOT_HANDLED", "EXPIRED", "FAILED"] } },
    data: { processingState: "PENDING" },
  });
  if (reset.count === 0)
    throw new SafeError("conflict", "This notification is being processed right now; wait for it to finish.");
  const { trackedJobId } = await enqueueNotificationProcessing(n, actor.userId, { force: true });
  await recordAudit(actor, {
    action: "notification.replayed",
    targetType: "Notification",
    targetId: n.id,
    customerId: n.customerId,
    details: { jobId: trackedJobId, previousState: n.processingState },
  });
  return { trackedJobId, message: "Replay queued: the notification will be looked up and applied again." };
}
