"use server";
// Support actions (issue #6), for OPERATOR and SUPPORT: re-check one integration (C19b), retry a failed
// job, retry or replay a notification, trigger the fallback poll for one customer (C28), resolve an
// anomaly. Each is audited and answers in words what happened (shown in an aria-live region).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withAction, type ActionState } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { retryFailedJob } from "@/lib/jobs/retry";
import { recheckIntegration, requestPoll } from "@/lib/onboarding-status";
import { replayNotification, retryNotification } from "@/lib/notifications";

const id = z.string().trim().min(1, "Missing id.").max(64);

function done(message: string): ActionState {
  // Every console page reads fresh data after an action (lists, issues, audit).
  revalidatePath("/console", "layout");
  return { ok: true, message };
}

const recheck = withAction(STAFF_ROLES, z.object({ integrationId: id }), async (actor, { integrationId }) => {
  // Audited as "integration.recheck_requested" by recheckIntegration.
  const { message } = await recheckIntegration(integrationId, actor);
  return done(message);
});
export async function recheckIntegrationAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return recheck(prev, form);
}

const retryJob = withAction(STAFF_ROLES, z.object({ jobId: id }), async (actor, { jobId }) => {
  // Audited as "job.retried" by retryFailedJob.
  const { message } = await retryFailedJob(jobId, actor);
  return done(message);
});
export async function retryJobAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return retryJob(prev, form);
}

const retryNotif = withAction(STAFF_ROLES, z.object({ notificationId: id }), async (actor, { notificationId }) => {
  // Audited as "notification.retried" by retryNotification.
  const { message } = await retryNotification(notificationId, actor);
  return done(message);
});
export async function retryNotificationAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return retryNotif(prev, form);
}

const replay = withAction(STAFF_ROLES, z.object({ notificationId: id }), async (actor, { notificationId }) => {
  // Audited as "notification.replayed" by replayNotification.
  const { message } = await replayNotification(notificationId, actor);
  return done(message);
});
export async function replayNotificationAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return replay(prev, form);
}

const poll = withAction(STAFF_ROLES, z.object({ customerId: id }), async (actor, { customerId }) => {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true, displayName: true } });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  // requestPoll audits "status.poll_requested" (lib/onboarding-status/requests.ts).
  const { message } = await requestPoll(actor, { customerId });
  return done(`${customer.displayName}: ${message}`);
});
export async function triggerPollAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return poll(prev, form);
}

const resolveAnomaly = withAction(STAFF_ROLES, z.object({ anomalyId: id }), async (actor, { anomalyId }) => {
  const resolved = await db.$transaction(async (tx) => {
    const updated = await tx.anomaly.updateMany({
      where: { id: anomalyId, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actor.userId },
    });
    if (updated.count === 0) return null;
    const anomaly = await tx.anomaly.findUniqueOrThrow({
      where: { id: anomalyId },
      select: { customerId: true, kind: true },
    });
    await recordAudit(
      actor,
      {
        action: "anomaly.resolved",
        targetType: "Anomaly",
        targetId: anomalyId,
        customerId: anomaly.customerId,
        details: { kind: anomaly.kind },
      },
      tx,
    );
    return anomaly;
  });
  if (!resolved) throw new SafeError("conflict", "This anomaly is already resolved or no longer exists.");
  return done("Anomaly marked as resolved.");
});
export async function resolveAnomalyAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return resolveAnomaly(prev, form);
}
