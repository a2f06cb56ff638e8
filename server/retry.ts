import "server-only";
// Retrying a job by hand (support console, issue #6): a new tracked run of the same kind and payload,
// audited. Anything that is not running can be retried: a finished job, and a job whose worker died
// (its row still says QUEUED/RUNNING/RETRYING but its queue job is gone), which is first marked FAILED.
// Issue 20: who may retry which kind is the permissions table's (lib/jobs/permissions.ts), and the new run is
// started by the kind's own start (its `restart`), with the same locks and "already under way" checks as a first
// start, never by re-enqueueing the stored payload.
import { isActiveJobStatus } from "@/lib/jobs/status";
import { type Actor, canAccessCustomer } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayOperateJob, JOB_RULES } from "@/lib/jobs/permissions";
import { failDeadJobs } from "@/lib/jobs/reconcile";
import { JOB_STATUS_WORDS } from "@/lib/status/vocabulary";
import { jobHandlers } from "./jobs";

export async function retryFailedJob(jobId: string, actor: Actor): Promise<{ trackedJobId: string; message: string }> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new SafeError("not_found", "No such job.");
  // Another customer's job, or one of no customer, answers as if it did not exist.
  if (actor.role === "CUSTOMER_ADMIN" && !(job.customerId && canAccessCustomer(actor, job.customerId)))
    throw new SafeError("not_found", "No such job.");
  assertMayOperateJob(actor, job.kind, "retry");
  if (isActiveJobStatus(job.status)) {
    const dead = await failDeadJobs({ jobId: job.id });
    if (dead.length === 0)
      throw new SafeError(
        "conflict",
        `This job is ${JOB_STATUS_WORDS[job.status].label} right now: wait for it to finish before retrying.`,
      );
  }
  const handler = jobHandlers()[job.kind];
  if (!handler) throw new Error(`no handler is registered for ${job.kind}`);
  const restarted = await db.$transaction(async (tx) => {
    const started = await handler.restartFrom(job.payload, { actor, tx, customerId: job.customerId });
    await recordAudit(
      actor,
      {
        action: "job.retried",
        targetType: "Job",
        targetId: job.id,
        customerId: job.customerId,
        details: { newJobId: started.trackedJobId, kind: job.kind },
      },
      tx,
    );
    return started;
  });
  return {
    trackedJobId: restarted.trackedJobId,
    message: restarted.message ?? `Retry queued as a new ${JOB_RULES[job.kind].noun} job.`,
  };
}
