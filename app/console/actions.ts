"use server";
// Staff actions of the console's support pages (issue #6), thin wrappers (issue #13): withAction signs
// in, checks the role and safeParses; the lib function does and audits the work; the answer is words
// for the aria-live region. Re-check one integration (C19b), retry a failed job, retry or replay a
// notification, poll one customer (C28), resolve an anomaly.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { type ActionState, withAction } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { JOB_RULES } from "@/lib/jobs/permissions";
import { retryFailedJob } from "@/server/retry";
import { replayNotification, resolveAnomaly, retryNotification } from "@/lib/notifications";
import { recheckIntegration, requestCustomerPoll } from "@/lib/onboarding-status";

function done({ message }: { message: string }): ActionState {
  // Every console page reads fresh data after an action (lists, issues, audit).
  revalidatePath("/console", "layout");
  return { ok: true, message };
}

// Audited as "integration.recheck_requested" by recheckIntegration.
export const recheckIntegrationAction = withAction(
  JOB_RULES.RECHECK_STATUS.start,
  z.object({ integrationId: idField }),
  async (actor, { integrationId }) => done(await recheckIntegration(integrationId, actor)),
);

// Audited as "job.retried" by retryFailedJob, which asks the permissions table about the job's kind.
export const retryJobAction = withAction(STAFF_ROLES, z.object({ jobId: idField }), async (actor, { jobId }) =>
  done(await retryFailedJob(jobId, actor)),
);

// Audited as "notification.retried" by retryNotification.
export const retryNotificationAction = withAction(
  JOB_RULES.PROCESS_NOTIFICATION.start,
  z.object({ notificationId: idField }),
  async (actor, { notificationId }) => done(await retryNotification(notificationId, actor)),
);

// Audited as "notification.replayed" by replayNotification.
export const replayNotificationAction = withAction(
  JOB_RULES.PROCESS_NOTIFICATION.start,
  z.object({ notificationId: idField }),
  async (actor, { notificationId }) => done(await replayNotification(notificationId, actor)),
);

// Audited as "status.poll_requested" by requestPoll.
export const triggerPollAction = withAction(
  STAFF_ROLES,
  z.object({ customerId: idField }),
  async (actor, { customerId }) => done(await requestCustomerPoll(actor, customerId)),
);

// Audited as "anomaly.resolved" by resolveAnomaly.
export const resolveAnomalyAction = withAction(
  STAFF_ROLES,
  z.object({ anomalyId: idField }),
  async (actor, { anomalyId }) => done(await resolveAnomaly(actor, anomalyId)),
);
