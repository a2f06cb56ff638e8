import "server-only";
// Tuples LinkedIn confirmed for the customer's application (C19b, confirm.ts) become its integrations: one
// Integration per tuple (REQUESTED, source WIDGET) with the first entry of its history and the vendor's event,
// written together, and the name and configuration syncs started as tracked jobs. Used by the widget intake
// and by the poll that confirms tuples which had to wait (confirm-waiting.ts).
import { db } from "@/lib/db/client";
import { integrationsRequested } from "@/lib/events/hooks";
import { dataProviderFor } from "@/lib/linkedin/data-provider";
import { resolveIssues } from "@/lib/issues/lifecycle";
import { startCustomerSync } from "./start-sync";
import type { WidgetTuple } from "./tuple-schemas";
import { defaultIntegrationName } from "./types";

export type StoredTuples = { created: number; integrationIds: string[] };

const asWhere = (tuples: readonly WidgetTuple[]) =>
  tuples.map((t) => ({
    integrationContext: t.integrationContext,
    integrationType: t.integrationType,
    tenantType: t.tenantType,
    dataProvider: dataProviderFor(t.integrationType),
  }));

/**
 * Stores `tuples` as the customer's integrations (idempotent: a tuple already stored stays as it is, C7),
 * drops them from the tuples waiting for LinkedIn, and starts the syncs that are still due.
 */
export async function storeConfirmedTuples(input: {
  customerId: string;
  customerName: string;
  /** The customer admin who handed them over, when known. */
  requestedById: string | null;
  tuples: readonly WidgetTuple[];
}): Promise<StoredTuples> {
  const { customerId, requestedById, tuples } = input;
  if (tuples.length === 0) return { created: 0, integrationIds: [] };
  const createdRows = await db.$transaction(async (tx) => {
    const rows = await tx.integration.createManyAndReturn({
      data: tuples.map((t) => ({
        customerId,
        integrationContext: t.integrationContext,
        integrationType: t.integrationType,
        tenantType: t.tenantType,
        dataProvider: dataProviderFor(t.integrationType), // C12, L28: per type (lib/linkedin/data-provider.ts)
        name: defaultIntegrationName(input.customerName, t.tenantType, t.integrationType),
        statusSource: "WIDGET" as const,
      })),
      skipDuplicates: true, // C7: the widget may hand the same tuple twice; it is one integration
      select: { id: true },
    });
    if (rows.length > 0) {
      await tx.integrationStatusChange.createMany({
        data: rows.map((r) => ({
          integrationId: r.id,
          fromStatus: null,
          toStatus: "REQUESTED" as const,
          source: "WIDGET" as const,
          actorId: requestedById,
        })),
      });
    }
    await tx.unconfirmedTuple.deleteMany({ where: { customerId, OR: asWhere(tuples) } });
    await integrationsRequested(
      tx,
      rows.map((r) => r.id),
    ); // the vendor's event (issue 12)
    // Issue 22: the admin authorized in the widget, so it loaded: "widget cannot load" resolves itself.
    await resolveIssues(tx, { type: "WIDGET_CANNOT_LOAD", customerId, by: "system:widget" });
    return rows;
  });
  const stored = await db.integration.findMany({
    where: { customerId, OR: asWhere(tuples) },
    select: { id: true, nameSyncedVersion: true, nameVersion: true, configSyncState: true },
  });
  const namesPending = stored.some((s) => s.nameSyncedVersion < s.nameVersion);
  const configPending = stored.some((s) => s.configSyncState !== "SYNCED");
  if (namesPending || configPending)
    await startCustomerSync(customerId, { names: namesPending, configurations: configPending }, requestedById);
  return { created: createdRows.length, integrationIds: stored.map((s) => s.id) };
}
