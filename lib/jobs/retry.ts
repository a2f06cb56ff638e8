import "server-only";
// Retrying a failed job by hand (support console, issue #6): a new tracked run of the same kind and
// payload, linked to the old one in its payload history, and audited.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { enqueueTrackedJob } from "./tracker";

export async function retryFailedJob(jobId: string, actor: Actor): Promise<{ trackedJobId: string; message: string }> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new SafeError("not_found", "No such job.");
  if (actor.role === "CUSTOMER_ADMIN" && job.customerId !== actor.customerId) throw new SafeError("not_found", "No such job.");
  if (job.status !== "FAILED" && job.status !== "CANCELLED") {
    throw new SafeError("conflict", `This job is ${job.status.toLowerCase()}, not failed: there is nothing to retry.`);
  }
  const payload = (job.payload ?? {}) as Prisma.InputJsonValue;
  const { trackedJobId } = await enqueueTrackedJob({ kind: job.kind, customerId: job.customerId, payload, triggeredBy: actor.userId });
  await recordAudit(actor, {
    action: "job.retried",
    targetType: "Job",
    targetId: job.id,
    customerId: job.customerId,
    details: { newJobId: trackedJobId, kind: job.kind },
  });
  return { trackedJobId, message: `Retry queued as a new ${job.kind.toLowerCase().replace(/_/g, " ")} job.` };
}
