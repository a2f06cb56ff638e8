import "server-only";
// A person's retry of a bulk key import (C1, L21, issue 20): a new IMPORT_APPLICATION_KEYS job for the rows still
// PENDING, passing the same "already under way" check whatever the number of retries asked at once.
import { ACTIVE_JOB_STATUSES } from "@/lib/jobs/status";
import type { AuditActor } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { triggeredByOf } from "./actor-label";

/**
 * A person's retry of an import's job (issue 20): the rows still PENDING are checked again by a new job, never
 * two jobs at once. The import's row is locked by the caller's transaction, so two retries at once queue one.
 */
export async function requeueKeyImport(
  actor: AuditActor,
  importId: string,
  tx: Prisma.TransactionClient,
): Promise<{ trackedJobId: string }> {
  const locked = await tx.$queryRaw<{ jobId: string | null }[]>`
    SELECT "jobId" FROM "KeyImport" WHERE "id" = ${importId} FOR UPDATE`;
  if (locked.length === 0) throw new SafeError("not_found", "No such import.");
  const current = locked[0]?.jobId;
  if (current && (await tx.job.count({ where: { id: current, status: { in: [...ACTIVE_JOB_STATUSES] } } })) > 0)
    throw new SafeError("conflict", "This import is already under way; wait for it to finish.");
  if ((await tx.keyImportRow.count({ where: { importId, status: "PENDING" } })) === 0)
    throw new SafeError(
      "conflict",
      "Every row of this import already has its outcome: there is nothing to check again. Upload the refused rows in a new file.",
    );
  const { trackedJobId } = await enqueueTrackedJob(
    { kind: "IMPORT_APPLICATION_KEYS", customerId: null, payload: { importId }, triggeredBy: triggeredByOf(actor) },
    tx,
  );
  await tx.keyImport.update({ where: { id: importId }, data: { jobId: trackedJobId } });
  return { trackedJobId };
}
