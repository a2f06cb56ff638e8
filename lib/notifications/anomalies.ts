import "server-only";
import { recordAudit } from "@/lib/audit/record";
// Support resolves an anomaly a notification left (issue #6): once, audited in the same transaction.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";

export async function resolveAnomaly(actor: Actor, anomalyId: string): Promise<{ message: string }> {
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
  return { message: "Anomaly marked as resolved." };
}
