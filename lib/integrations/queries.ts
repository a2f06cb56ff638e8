import "server-only";
// Reading one customer's integrations for the page and the SWR route (issue #4).
import { isActiveJobStatus } from "@/lib/jobs/status";
import { db } from "@/lib/db/client";
import { keysFor, requirementsByType } from "./config-plan";
import { integrationTypeLabel } from "./types";
import type { IntegrationListResponse, IntegrationView } from "./view";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the integrations page needs of the signed-in admin's customer: the bundles offered and whether keys exist. */
export function widgetCustomer(customerId: string) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, displayName: true, offeredIntegrationTypes: true, application: { select: { clientId: true } } },
  });
}

export async function integrationList(customerId: string): Promise<IntegrationListResponse> {
  const [rows, requirements, jobs, customer] = await Promise.all([
    db.integration.findMany({
      where: { customerId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { configurations: { select: { key: true, value: true, syncState: true, syncError: true } } },
    }),
    requirementsByType(),
    db.job.findMany({
      where: { customerId, kind: { in: ["SYNC_NAMES", "SYNC_CONFIGURATIONS"] } },
      orderBy: { createdAt: "desc" },
      take: 10,
    }),
    db.customer.findUnique({ where: { id: customerId }, select: { usesAtsAccessControls: true } }),
  ]);

  const integrations: IntegrationView[] = rows.map((i) => {
    const stored = new Map(i.configurations.map((c) => [c.key, c]));
    return {
      id: i.id,
      name: i.name,
      integrationType: i.integrationType,
      typeLabel: integrationTypeLabel(i.integrationType),
      tenantType: i.tenantType,
      integrationContext: i.integrationContext,
      onboardingStatus: i.onboardingStatus,
      statusChangedAt: i.statusChangedAt.toISOString(),
      nameSync: {
        state: i.nameSyncState,
        error: i.nameSyncError,
        syncedAt: iso(i.nameSyncedAt),
        attempts: i.nameSyncAttempts,
      },
      configSync: { state: i.configSyncState, error: i.configSyncError, syncedAt: iso(i.configSyncedAt) },
      configurations: keysFor(requirements.get(i.integrationType) ?? [], customer?.usesAtsAccessControls ?? false).map(
        (req) => {
          const row = stored.get(req.key);
          const visible = req.valueSource !== "CALLBACK_URL";
          return {
            key: req.key,
            label: req.label,
            description: req.description,
            value: visible ? (row?.value ?? req.defaultValue ?? null) : null,
            editable: req.customerEditable && req.valueSource !== "CALLBACK_URL",
            syncState: row?.syncState ?? null,
            syncError: row?.syncError ?? null,
          };
        },
      ),
    };
  });

  // Only jobs still moving, plus the newest finished one per kind when it failed, so old failures fade.
  const newestPerKind = new Set<string>();
  const visibleJobs = jobs.filter((j) => {
    const moving = isActiveJobStatus(j.status);
    const newest = !newestPerKind.has(j.kind);
    newestPerKind.add(j.kind);
    return moving || (newest && j.status === "FAILED");
  });

  return {
    customerId,
    integrations,
    progress: {
      total: rows.length,
      namesSynced: rows.filter((r) => r.nameSyncState === "SYNCED").length,
      configurationsSynced: rows.filter((r) => r.configSyncState === "SYNCED").length,
    },
    jobs: visibleJobs.map((j) => ({
      id: j.id,
      kind: j.kind,
      status: j.status,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      totalCount: j.totalCount,
      succeededCount: j.succeededCount,
      failedCount: j.failedCount,
      lastError: j.lastError,
      createdAt: j.createdAt.toISOString(),
    })),
    generatedAt: new Date().toISOString(),
  };
}
