import "server-only";
// Retrying a job by hand (support console, issue #6): a new tracked run of the same kind and payload,
// audited. Anything that is not running can be retried: a finished job, and a job whose worker died
// (its row still says QUEUED/RUNNING/RETRYING but its queue job is gone), which is first marked FAILED.
// Provisioning creates a LinkedIn application: only an operator may start it again.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { failDeadJobs } from "./reconcile";
import { enqueueTrackedJob } from "./tracker";

const OPERATOR_ONLY_KINDS = new Set(["PROVISION_APPLICATION"]);

export async function retryFailedJob(jobId: string, actor: Actor): Promise<{ trackedJobId: string; message: string }> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new SafeError("not_found", "No such job.");
  if (actor.role === "CUSTOMER_ADMIN" && job.customerId !== actor.customerId)
    throw new SafeError("not_found", "No such job.");
  if (OPERATOR_ONLY_KINDS.has(job.kind) && actor.role !== "OPERATOR") {
    throw new SafeError(
      "forbidden",
      "Only an operator can start provisioning again: it creates the customer's LinkedIn application.",
    );
  }
  if (job.status === "QUEUED" || job.status === "RUNNING" || job.status === "RETRYING") {
    const dead = await failDeadJobs({ jobId: job.id });
    if (dead.length === 0)
      throw new SafeError(
        "conflict",
        `This job is ${job.status.toLowerCase()} right now: wait for it to finish before retrying.`,
      );
  }
  const payload = (job.payload ?? {}) as Prisma.InputJsonValue;
  const trackedJobId = await db.$transaction(async (tx) => {
    const queued = await enqueueTrackedJob(
      { kind: job.kind, customerId: job.customerId, payload, triggeredBy: actor.userId },
      tx,
    );
    await recordAudit(
      actor,
      {
        action: "job.retried",
        targetType: "Job",
        targetId: job.id,
        customerId: job.customerId,
        details: { newJobId: queued.trackedJobId, kind: job.kind },
      },
      tx,
    );
    return queued.trackedJobId;
  });
  return { trackedJobId, message: `Retry queued as a new ${job.kind.toLowerCase().replace(/_/g, " ")} job.` };
}
