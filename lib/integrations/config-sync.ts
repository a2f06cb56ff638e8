import "server-only";
// The configuration sync of one customer (C15, C16, C17, C21): every integration gets the customer's
// own callback URL and the other keys its type requires (ConfigurationKeyRequirement, data the operator
// edits). What must be sent is worked out from the database each time: the desired values (the
// customer's callback key, operator defaults, the customer admin's entries) against the stored rows and
// their sync state. A PUT of the full set is idempotent, so a job that died after LinkedIn accepted a
// write but before recording it only sends the same values again.
import { db } from "@/lib/db/client";
import { integrationSyncFailed } from "@/lib/events/hooks";
import type { ConfigurationKeyRequirement } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { callbackUrlFor } from "@/lib/customers/callback-url";
import type { JobContext } from "@/lib/jobs/types";
import { integrationTuple, isLinkedInError, writeIntegrationConfigurations } from "@/lib/linkedin";
import { underSyncLock } from "./customer-lock";
import { describeGaveUp, describeSyncFailure } from "./sync-messages";

export type ConfigPlan = {
  integrationId: string;
  tuple: { integrationContext: string; integrationType: string; tenantType: string };
  /** key → value to send (C15). */
  entries: Record<string, string>;
  /** Labels of required keys that have no value yet (a customer-editable key left empty). */
  missing: string[];
  /** Whether LinkedIn has not yet acknowledged these exact values. */
  needsSend: boolean;
  /** Nothing to send, but the integration's recorded state does not say so yet. */
  needsSettle: boolean;
  fingerprint: string;
};

/** The message shown while a customer-editable key has no value (C15, C17). */
export function waitingMessage(missing: string[]): string | null {
  return missing.length > 0 ? `Waiting for you: enter ${missing.join(", ")} below, then save.` : null;
}

/** The value a requirement gives for one integration, or null when nobody has provided it yet. */
export function desiredValue(
  req: Pick<ConfigurationKeyRequirement, "valueSource" | "defaultValue">,
  stored: string | undefined,
  callbackUrl: string,
): string | null {
  if (req.valueSource === "CALLBACK_URL") return callbackUrl; // C16, C21: the customer's own URL, always
  if (req.valueSource === "CUSTOMER") return stored ?? req.defaultValue ?? null;
  return req.defaultValue ?? null;
}

/**
 * C16: without a callback URL LinkedIn sends no notification, so every integration gets one even when
 * the operator's requirement rows do not list it (the rows are editable data, C15; this is not).
 */
export function withCallbackUrl(integrationType: string, reqs: ConfigurationKeyRequirement[]): ConfigurationKeyRequirement[] {
  if (reqs.some((r) => r.valueSource === "CALLBACK_URL")) return reqs;
  const epoch = new Date(0);
  const builtIn: ConfigurationKeyRequirement = {
    id: `builtin:${integrationType}:CALLBACK_URL`,
    integrationType,
    key: "CALLBACK_URL",
    label: "Callback URL",
    description: "Where LinkedIn sends this customer's push notifications (C16, C21).",
    valueSource: "CALLBACK_URL",
    defaultValue: null,
    customerEditable: false,
    createdAt: epoch,
    updatedAt: epoch,
  };
  return [builtIn, ...reqs];
}

export async function requirementsByType(): Promise<Map<string, ConfigurationKeyRequirement[]>> {
  const all = await db.configurationKeyRequirement.findMany({ orderBy: [{ integrationType: "asc" }, { key: "asc" }] });
  const byType = new Map<string, ConfigurationKeyRequirement[]>();
  for (const r of all) byType.set(r.integrationType, [...(byType.get(r.integrationType) ?? []), r]);
  return byType;
}

/** What every integration of the customer should have at LinkedIn, and whether it still must be sent. */
export async function configurationPlan(customerId: string): Promise<ConfigPlan[]> {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { callbackKey: true } });
  const callbackUrl = callbackUrlFor(env().PUBLIC_URL, customer.callbackKey);
  const requirements = await requirementsByType();
  const integrations = await db.integration.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      integrationContext: true,
      integrationType: true,
      tenantType: true,
      configSyncState: true,
      configSyncError: true,
      configurations: { select: { key: true, value: true, syncState: true } },
    },
  });
  return integrations.map((i) => {
    const stored = new Map(i.configurations.map((c) => [c.key, c]));
    const entries: Record<string, string> = {};
    const missing: string[] = [];
    let needsSend = false;
    for (const req of withCallbackUrl(i.integrationType, requirements.get(i.integrationType) ?? [])) {
      const row = stored.get(req.key);
      const value = desiredValue(req, row?.value, callbackUrl);
      if (value === null || value === "") {
        missing.push(req.label);
        continue;
      }
      entries[req.key] = value;
      if (!row || row.value !== value || row.syncState !== "SYNCED") needsSend = true;
    }
    const send = needsSend && Object.keys(entries).length > 0;
    const expectedState = missing.length > 0 ? "PENDING" : "SYNCED";
    return {
      integrationId: i.id,
      tuple: { integrationContext: i.integrationContext, integrationType: i.integrationType, tenantType: i.tenantType },
      entries,
      missing,
      needsSend: send,
      needsSettle: !send && (i.configSyncState !== expectedState || i.configSyncError !== waitingMessage(missing)),
      fingerprint: JSON.stringify(entries),
    };
  });
}

/** Stores the desired values; a changed value is PENDING until LinkedIn acknowledges it. */
async function storeDesired(plan: ConfigPlan): Promise<void> {
  for (const [key, value] of Object.entries(plan.entries)) {
    await db.$executeRaw`
      INSERT INTO "IntegrationConfiguration" (id, "integrationId", key, value, "syncState", "updatedAt")
      VALUES (${`cfg_${plan.integrationId}_${key}`}, ${plan.integrationId}, ${key}, ${value}, 'PENDING'::"SyncState", now() AT TIME ZONE 'UTC')
      ON CONFLICT ("integrationId", key) DO UPDATE SET
        value = EXCLUDED.value, "syncState" = 'PENDING'::"SyncState", "syncError" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      WHERE "IntegrationConfiguration".value IS DISTINCT FROM EXCLUDED.value`;
  }
}

/** Marks what LinkedIn acknowledged, only where the value is still the one sent (an edit made meanwhile stays PENDING). */
async function recordAcknowledged(plan: ConfigPlan): Promise<void> {
  for (const [key, value] of Object.entries(plan.entries)) {
    await db.integrationConfiguration.updateMany({
      where: { integrationId: plan.integrationId, key, value },
      data: { syncState: "SYNCED", syncError: null, syncedAt: new Date() },
    });
  }
  const waiting = waitingMessage(plan.missing);
  await db.$executeRaw`
    UPDATE "Integration" AS i SET
      "configSyncState" = (CASE WHEN ${waiting}::text IS NULL AND NOT EXISTS (
          SELECT 1 FROM "IntegrationConfiguration" c WHERE c."integrationId" = i.id AND c."syncState" <> 'SYNCED'
        ) THEN 'SYNCED' ELSE 'PENDING' END)::"SyncState",
      "configSyncError" = ${waiting}::text,
      "configSyncedAt" = now() AT TIME ZONE 'UTC',
      "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE i.id = ${plan.integrationId}`;
}

async function recordRefused(plan: ConfigPlan, message: string, final: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.integrationConfiguration.updateMany({
      where: { integrationId: plan.integrationId, key: { in: Object.keys(plan.entries) }, syncState: { not: "SYNCED" } },
      data: { syncState: final ? "FAILED" : "PENDING", syncError: message },
    });
    await tx.integration.update({
      where: { id: plan.integrationId },
      data: { configSyncState: final ? "FAILED" : "PENDING", configSyncError: message },
    });
    if (final) await integrationSyncFailed(tx, [{ integrationId: plan.integrationId, message }], "configuration"); // issue 12
  });
}

/** Plans where nothing needs sending but the row still says otherwise are settled without a call. */
async function settleIdle(plans: ConfigPlan[]): Promise<void> {
  for (const p of plans) if (p.needsSettle) await recordAcknowledged(p);
}

export type ConfigSyncTotals = { total: number; succeeded: number; failed: number; handedOver?: boolean };

/** Syncs the configurations of every integration of `customerId` that needs it; throws when some failed. */
export async function syncCustomerConfigurations(
  customerId: string,
  ctx: Pick<JobContext, "progress" | "isLastAttempt" | "attempt">,
): Promise<ConfigSyncTotals> {
  const application = await db.customerApplication.findUnique({ where: { customerId }, select: { id: true, clientId: true } });
  if (!application) {
    throw new SafeError(
      "conflict",
      "This customer has no LinkedIn application yet, so no settings can be sent. The vendor's operator must create or enter it in the console.",
    );
  }
  const failedAt = new Map<string, string>();
  const failures: string[] = [];
  const seen = new Set<string>();
  let succeeded = 0;
  const pending = (plans: ConfigPlan[]) => plans.filter((p) => p.needsSend && failedAt.get(p.integrationId) !== p.fingerprint);

  const pass = async () => {
    for (;;) {
      const plans = await configurationPlan(customerId);
      await settleIdle(plans);
      const work = pending(plans);
      if (work.length === 0) return;
      for (const p of work) seen.add(p.integrationId);
      for (const plan of work) {
        await storeDesired(plan);
        await db.integration.update({ where: { id: plan.integrationId }, data: { configSyncState: "SYNCING" } });
        try {
          await writeIntegrationConfigurations(application, integrationTuple(plan.tuple), plan.entries);
        } catch (e) {
          if (!isLinkedInError(e)) throw e;
          const message = describeSyncFailure("settings", { status: e.httpStatus ?? null, detail: e.message, retryable: e.retryable });
          await recordRefused(plan, ctx.isLastAttempt ? describeGaveUp(message, ctx.attempt) : message, ctx.isLastAttempt);
          failedAt.set(plan.integrationId, plan.fingerprint);
          failures.push(message);
          await ctx.progress({ total: seen.size, succeeded, failed: failedAt.size });
          continue;
        }
        await recordAcknowledged(plan);
        failedAt.delete(plan.integrationId);
        succeeded += 1;
        await ctx.progress({ total: seen.size, succeeded, failed: failedAt.size });
      }
    }
  };

  const ran = await underSyncLock(`onramp:sync-configurations:${customerId}`, pass, async () => pending(await configurationPlan(customerId)).length > 0);
  if (ran === null) return { total: 0, succeeded: 0, failed: 0, handedOver: true };
  if (failedAt.size > 0) {
    throw new SafeError(
      "upstream_unavailable",
      `The settings of ${failedAt.size} of ${seen.size} integrations were not accepted by LinkedIn. ${failures[failures.length - 1] ?? ""}`,
    );
  }
  return { total: seen.size, succeeded, failed: 0 };
}
