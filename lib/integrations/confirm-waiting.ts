import "server-only";
// Tuples that had to wait because LinkedIn could not be asked when the widget handed them over (confirm.ts,
// issue 20) are asked about again by the fallback poll (C28) and the customer's "check status now", with each
// customer's own token (C19b); the client paces, counts and holds these calls like every other (C13, C26, C30,
// L17). Confirmed, they become the customer's integrations; refused, they are dropped and support sees the
// anomaly; still unanswered, they wait for the next poll.
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { recordFlowStep } from "@/lib/onboarding-flow/record";
import { confirmWithLinkedIn, keepUnconfirmed, recordUnconfirmedAuthorizations } from "./confirm";
import { storeConfirmedTuples } from "./store-confirmed";

export type WaitingSummary = { confirmed: number; refused: number; stillWaiting: number };

const POLL_ACTOR = { system: "poll" } as const;

export async function confirmWaitingTuples(scope: { customerId?: string | null }): Promise<WaitingSummary> {
  const summary: WaitingSummary = { confirmed: 0, refused: 0, stillWaiting: 0 };
  const rows = await db.unconfirmedTuple.findMany({
    where: {
      ...(scope.customerId ? { customerId: scope.customerId } : {}),
      customer: { archivedAt: null, application: { isNot: null } },
    },
    select: {
      customerId: true,
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      requestedById: true,
      customer: { select: { displayName: true, application: { select: { id: true, clientId: true } } } },
    },
    orderBy: [{ customerId: "asc" }, { createdAt: "asc" }],
  });
  for (const [customerId, waiting] of groupBy(rows, (r) => r.customerId)) {
    const { customer } = waiting[0] as (typeof waiting)[number];
    if (!customer.application) continue;
    const tuples = waiting.map(({ integrationContext, integrationType, tenantType }) => ({
      integrationContext,
      integrationType,
      tenantType,
    }));
    const linkedIn = await confirmWithLinkedIn(customer.application, tuples);
    const requesterOf = (t: (typeof tuples)[number]) =>
      waiting.find(
        (w) =>
          w.integrationContext === t.integrationContext &&
          w.integrationType === t.integrationType &&
          w.tenantType === t.tenantType,
      )?.requestedById ?? null;
    // Each integration's first history entry names the admin who handed it over.
    for (const [requestedById, confirmed] of groupBy(linkedIn.confirmed, requesterOf)) {
      const stored = await storeConfirmedTuples({
        customerId,
        customerName: customer.displayName,
        requestedById,
        tuples: confirmed,
      });
      summary.confirmed += stored.created;
    }
    if (linkedIn.confirmed.length > 0) await recordFlowStep({ customerId, step: "TUPLES_CONFIRMED", outcome: "OK" }); // issue 22
    if (linkedIn.confirmed.length > 0)
      await recordAudit(POLL_ACTOR, {
        action: "integration.confirmed",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { tuples: linkedIn.confirmed },
      });
    await recordUnconfirmedAuthorizations(POLL_ACTOR, customerId, linkedIn.refused, "A customer admin");
    await keepUnconfirmed(customerId, null, linkedIn.unanswered);
    summary.refused += linkedIn.refused.length;
    summary.stillWaiting += linkedIn.unanswered.length;
  }
  return summary;
}

/** Map.groupBy, which Node 20 (README: ≥ 20.19) does not have. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
