import "server-only";
// Rotating a customer's callback key (C21): the old URL stops answering at once (the callback route
// looks customers up by key), and the new URL is pushed to LinkedIn as every integration's callback
// configuration (C16) by a configuration re-sync.
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { triggeredByOf } from "./actor-label";
import { callbackUrlFor } from "@/lib/linkedin/callback-url";
import { newCallbackKey } from "./callback-url";

export async function rotateCallbackKey(
  actor: AuditActor,
  customerId: string,
): Promise<{ callbackUrl: string; syncJobId: string | null; message: string }> {
  const callbackKey = newCallbackKey();
  // One transaction (an outbox): the new key, the integrations marked PENDING for their new callback
  // URL, and the configuration sync job commit together. A crash can not leave LinkedIn posting to the
  // old URL while the rows say SYNCED; and the reconcile pass re-drives PENDING rows in any case.
  const syncJobId = await db.$transaction(async (tx) => {
    const updated = await tx.customer.updateMany({
      where: { id: customerId },
      data: { callbackKey, callbackKeyRotatedAt: new Date() },
    });
    if (updated.count === 0) throw new SafeError("not_found", "No such customer.");
    // The key itself is never written to the log: it is what makes the URL unguessable.
    await recordAudit(
      actor,
      { action: "customer.callback_key_rotated", targetType: "Customer", targetId: customerId, customerId },
      tx,
    );
    const marked = await tx.integration.updateMany({
      where: { customerId },
      data: { configSyncState: "PENDING", configSyncError: null },
    });
    if (marked.count === 0) return null;
    const job = await enqueueTrackedJob(
      { kind: "SYNC_CONFIGURATIONS", customerId, payload: { customerId }, triggeredBy: triggeredByOf(actor) },
      tx,
    );
    return job.trackedJobId;
  });
  return {
    callbackUrl: callbackUrlFor(env().PUBLIC_URL, callbackKey),
    syncJobId,
    message: syncJobId
      ? "New callback URL in place; the old one no longer works. Sending it to LinkedIn for every integration (configuration re-sync queued)."
      : "New callback URL in place; the old one no longer works. The customer has no integrations yet, so there is nothing to re-sync.",
  };
}
