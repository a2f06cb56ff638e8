import "server-only";
// Support resolves an integration held by two customers (issue 20; lib/support/tuple-conflicts.ts): LinkedIn
// confirmed the tuple for both customers' applications (C19b), and support, having found out which company
// owns the LinkedIn page or contract, detaches it from the other. Only while another active customer still
// holds it (one lock per tuple, so two people resolving at once can not detach both); audited in the same
// transaction with what was removed.
import { lockInTransaction } from "@/lib/db/advisory-lock";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";

export async function detachHeldByTwo(actor: Actor, integrationId: string): Promise<{ message: string }> {
  return db.$transaction(async (tx) => {
    const found = await tx.integration.findUnique({
      where: { id: integrationId },
      select: { integrationContext: true, integrationType: true, tenantType: true, dataProvider: true },
    });
    if (!found) throw new SafeError("not_found", "This integration no longer exists; reload the issues page.");
    const tupleName = `${found.integrationContext}|${found.integrationType}|${found.tenantType}|${found.dataProvider}`;
    await lockInTransaction(tx, `tuple-holders:${tupleName}`);
    const holders = await tx.integration.findMany({
      where: { ...found, customer: { archivedAt: null } },
      select: { id: true, name: true, customerId: true, customer: { select: { displayName: true } } },
    });
    const mine = holders.find((h) => h.id === integrationId);
    if (!mine) throw new SafeError("not_found", "This integration no longer exists; reload the issues page.");
    const others = holders.filter((h) => h.id !== integrationId);
    if (others.length === 0)
      throw new SafeError(
        "conflict",
        `${mine.customer.displayName} is the only customer holding this integration now, so Onramp kept it.`,
      );
    await tx.integration.delete({ where: { id: integrationId } });
    await recordAudit(
      actor,
      {
        action: "integration.detached",
        targetType: "Integration",
        targetId: integrationId,
        customerId: mine.customerId,
        details: { ...found, name: mine.name, keptFor: others.map((o) => o.customerId) },
      },
      tx,
    );
    return {
      message: `Detached ${found.integrationType} for ${found.integrationContext} from ${mine.customer.displayName}; ${others.map((o) => o.customer.displayName).join(", ")} keeps it.`,
    };
  });
}
