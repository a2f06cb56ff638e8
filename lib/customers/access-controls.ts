import "server-only";
// "This customer uses access controls (ACLs) in the ATS" (L14, RSC-104). Without ACLs Onramp sends the
// viewers keys (JOB_POSTING_VIEWERS, APPLICATION_VIEWERS) as ALL_PRODUCT_USERS; with ACLs it removes
// them at LinkedIn (DELETE …/configurations?ids=, L15). A change is audited and re-syncs the settings.
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { triggeredByOf } from "./actor-label";

/** Queues a configuration re-sync of the customer's integrations (none to sync: null). */
async function resync(actor: AuditActor, customerId: string): Promise<string | null> {
  if ((await db.integration.count({ where: { customerId } })) === 0) return null;
  const job = await enqueueTrackedJob({
    kind: "SYNC_CONFIGURATIONS",
    customerId,
    payload: { customerId },
    triggeredBy: triggeredByOf(actor),
  });
  return job.trackedJobId;
}

export async function setUsesAtsAccessControls(
  actor: AuditActor,
  customerId: string,
  uses: boolean,
): Promise<{ changed: boolean; syncJobId: string | null; message: string }> {
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: customerId }, select: { usesAtsAccessControls: true } });
    if (!before) throw new SafeError("not_found", "No such customer.");
    if (before.usesAtsAccessControls === uses) return false;
    await tx.customer.update({ where: { id: customerId }, data: { usesAtsAccessControls: uses } });
    await recordAudit(
      actor,
      {
        action: "customer.access_controls_changed",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { usesAtsAccessControls: uses },
      },
      tx,
    );
    return true;
  });
  if (!changed) return { changed, syncJobId: null, message: "Nothing changed." };
  const syncJobId = await resync(actor, customerId);
  const what = uses
    ? "Saved: this customer uses access controls. Onramp removes JOB_POSTING_VIEWERS and APPLICATION_VIEWERS at LinkedIn"
    : "Saved: this customer uses no access controls. Onramp sets JOB_POSTING_VIEWERS and APPLICATION_VIEWERS to ALL_PRODUCT_USERS at LinkedIn";
  return {
    changed,
    syncJobId,
    message: syncJobId ? `${what} (configuration re-sync queued).` : `${what} once it has integrations.`,
  };
}

/** Re-sends every integration's settings, e.g. after the key table was fixed for a key LinkedIn refused. Audited. */
export async function resyncConfigurations(
  actor: JobRequester,
  customerId: string,
): Promise<{ syncJobId: string | null; message: string }> {
  assertMayStartJob(actor, "SYNC_CONFIGURATIONS");
  const exists = await db.customer.count({ where: { id: customerId } });
  if (exists === 0) throw new SafeError("not_found", "No such customer.");
  await recordAudit(actor, {
    action: "customer.configurations_resynced",
    targetType: "Customer",
    targetId: customerId,
    customerId,
  });
  const syncJobId = await resync(actor, customerId);
  return {
    syncJobId,
    message: syncJobId
      ? "Re-sending the settings of every integration to LinkedIn."
      : "This customer has no integrations yet: nothing to send.",
  };
}
