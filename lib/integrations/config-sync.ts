import "server-only";
import { callbackUrlFor } from "@/lib/linkedin/callback-url";
// The configuration sync of one customer (C15–C17, C21, L14, L15): every integration gets the keys of
// its type's row in the key table (ConfigurationKeyRequirement, data the operator edits, L14 by default:
// CALLBACK_URL and JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLY_VIEWERS on IN_ATS_INDICATOR). The
// viewers keys go only to customers without ATS access controls; for the others they are removed at
// LinkedIn (DELETE, L15), as is any stored key the table no longer lists. What must be sent is worked
// out from the database each time: the desired values against the stored rows and their sync state.
// A PUT of the full set is idempotent, so a job that died after LinkedIn accepted a write but before
// recording it only sends the same values again. A 401 or 429 stops the application's remaining calls.
import { db } from "@/lib/db/client";
import type { ConfigurationKeyRequirement } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { integrationSyncFailed } from "@/lib/events/hooks";
import { PermanentJobError } from "@/lib/jobs/errors";
import type { JobContext } from "@/lib/jobs/types";
import {
  deleteIntegrationConfigurations,
  integrationTuple,
  isLinkedInError,
  type LinkedInError,
  writeIntegrationConfigurations,
} from "@/lib/linkedin";
import { underSyncLock } from "./customer-lock";
import { describeGaveUp, describeSyncFailure } from "./sync-messages";

export type ConfigPlan = {
  integrationId: string;
  tuple: { integrationContext: string; integrationType: string; tenantType: string };
  /** key → value to send (C15). */
  entries: Record<string, string>;
  /** Stored keys to remove at LinkedIn (L15 DELETE): a viewers key of a customer with ACLs, a key the table dropped. */
  removals: string[];
  /** Labels of required keys that have no value yet (a customer-editable key left empty). */
  missing: string[];
  /** Whether LinkedIn has not yet acknowledged these exact values, or keys must be removed. */
  needsSend: boolean;
  /** Whether the values themselves must be written (a PUT), not only keys removed. */
  needsWrite: boolean;
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
 * The keys that apply to one integration of a customer (L14, RSC-104): the type's rows of the key
 * table, without the viewers keys when the customer uses access controls in the ATS.
 */
export function keysFor(
  reqs: ConfigurationKeyRequirement[],
  usesAtsAccessControls: boolean,
): ConfigurationKeyRequirement[] {
  return usesAtsAccessControls ? reqs.filter((r) => !r.onlyWithoutAccessControls) : reqs;
}

/** What a key LinkedIn refused says on its configuration: LinkedIn's words and the action that fixes it. */
export function describeKeyRefusal(key: string, integrationType: string, words: string): string {
  return (
    `LinkedIn refused ${key} on ${integrationType}: ${words}. ` +
    `To fix it, an operator edits the configuration key table for ${integrationType} (Console → Settings → Configuration keys), ` +
    `then re-sends this customer's settings (customer settings → "Re-send settings to LinkedIn").`
  );
}

export async function requirementsByType(): Promise<Map<string, ConfigurationKeyRequirement[]>> {
  const all = await db.configurationKeyRequirement.findMany({ orderBy: [{ integrationType: "asc" }, { key: "asc" }] });
  const byType = new Map<string, ConfigurationKeyRequirement[]>();
  for (const r of all) byType.set(r.integrationType, [...(byType.get(r.integrationType) ?? []), r]);
  return byType;
}

/** What every integration of the customer should have at LinkedIn, and whether it still must be sent. */
export async function configurationPlan(customerId: string): Promise<ConfigPlan[]> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { callbackKey: true, usesAtsAccessControls: true },
  });
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
    const keys = keysFor(requirements.get(i.integrationType) ?? [], customer.usesAtsAccessControls);
    const wanted = new Set(keys.map((k) => k.key));
    const removals = i.configurations.filter((c) => !wanted.has(c.key)).map((c) => c.key);
    for (const req of keys) {
      const row = stored.get(req.key);
      const value = desiredValue(req, row?.value, callbackUrl);
      if (value === null || value === "") {
        missing.push(req.label);
        continue;
      }
      entries[req.key] = value;
      if (!row || row.value !== value || row.syncState !== "SYNCED") needsSend = true;
    }
    const send = (needsSend && Object.keys(entries).length > 0) || removals.length > 0;
    const expectedState = missing.length > 0 ? "PENDING" : "SYNCED";
    return {
      integrationId: i.id,
      tuple: { integrationContext: i.integrationContext, integrationType: i.integrationType, tenantType: i.tenantType },
      entries,
      removals,
      missing,
      needsSend: send,
      needsWrite: needsSend && Object.keys(entries).length > 0,
      needsSettle: !send && (i.configSyncState !== expectedState || i.configSyncError !== waitingMessage(missing)),
      fingerprint: JSON.stringify([entries, removals]),
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

/**
 * Marks what LinkedIn acknowledged, only where the value is still the one sent (an edit made meanwhile
 * stays PENDING); keys LinkedIn refused are recorded FAILED with its words (L15: the refusal is per key).
 */
async function recordAcknowledged(plan: ConfigPlan, refused: Record<string, string> = {}): Promise<void> {
  for (const [key, message] of Object.entries(refused)) {
    await db.integrationConfiguration.updateMany({
      where: { integrationId: plan.integrationId, key },
      data: { syncState: "FAILED", syncError: message },
    });
  }
  for (const [key, value] of Object.entries(plan.entries)) {
    if (key in refused) continue;
    await db.integrationConfiguration.updateMany({
      where: { integrationId: plan.integrationId, key, value },
      data: { syncState: "SYNCED", syncError: null, syncedAt: new Date() },
    });
  }
  const refusals = Object.values(refused);
  const waiting = refusals.length > 0 ? refusals.join(" ") : waitingMessage(plan.missing);
  await db.$executeRaw`
    UPDATE "Integration" AS i SET
      "configSyncState" = (CASE WHEN ${refusals.length > 0} THEN 'FAILED' WHEN ${waiting}::text IS NULL AND NOT EXISTS (
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
      where: {
        integrationId: plan.integrationId,
        key: { in: Object.keys(plan.entries) },
        syncState: { not: "SYNCED" },
      },
      data: { syncState: final ? "FAILED" : "PENDING", syncError: message },
    });
    await tx.integration.update({
      where: { id: plan.integrationId },
      data: { configSyncState: final ? "FAILED" : "PENDING", configSyncError: message },
    });
    if (final) await integrationSyncFailed(tx, [{ integrationId: plan.integrationId, message }], "configuration"); // issue 12
  });
}

/** Removes `plan.removals` at LinkedIn (L15 DELETE), then the stored rows. A 404 means LinkedIn has no such key: removed. */
async function removeKeys(application: { id: string; clientId: string }, plan: ConfigPlan): Promise<void> {
  if (plan.removals.length === 0) return;
  try {
    await deleteIntegrationConfigurations(application, integrationTuple(plan.tuple), plan.removals);
  } catch (e) {
    if (!(isLinkedInError(e) && e.kind === "not_found")) throw e;
  }
  await db.integrationConfiguration.deleteMany({
    where: { integrationId: plan.integrationId, key: { in: plan.removals } },
  });
}

/** A 401 or 429 is about the whole application: its remaining calls would get the same answer (C26, C27). */
function stopsTheApplication(e: LinkedInError): boolean {
  return e.kind === "unauthorized" || e.kind === "rate_limited";
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
  const application = await db.customerApplication.findUnique({
    where: { customerId },
    select: { id: true, clientId: true },
  });
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
  let onlyKeyRefusals = true;
  let stopped: string | null = null;
  const pending = (plans: ConfigPlan[]) =>
    plans.filter((p) => p.needsSend && failedAt.get(p.integrationId) !== p.fingerprint);

  const pass = async () => {
    for (;;) {
      const plans = await configurationPlan(customerId);
      await settleIdle(plans);
      const work = pending(plans);
      if (work.length === 0) return;
      for (const p of work) seen.add(p.integrationId);
      for (const plan of work) {
        if (stopped !== null) {
          // C26, C27: after a 401 or 429 the application's other calls are not made; they wait, visibly.
          await recordRefused(plan, stopped, ctx.isLastAttempt);
          failedAt.set(plan.integrationId, plan.fingerprint);
          continue;
        }
        await storeDesired(plan);
        await db.integration.update({ where: { id: plan.integrationId }, data: { configSyncState: "SYNCING" } });
        const refused: Record<string, string> = {};
        try {
          await removeKeys(application, plan);
          if (plan.needsWrite) {
            const results = await writeIntegrationConfigurations(
              application,
              integrationTuple(plan.tuple),
              plan.entries,
            );
            for (const [key, words] of Object.entries(results))
              if (words !== null) refused[key] = describeKeyRefusal(key, plan.tuple.integrationType, words);
          }
        } catch (e) {
          if (!isLinkedInError(e)) throw e;
          const message = describeSyncFailure("settings", {
            status: e.httpStatus ?? null,
            detail: e.message,
            retryable: e.retryable,
            heldUntil: e.heldUntil,
          });
          const shown = ctx.isLastAttempt ? describeGaveUp(message, ctx.attempt) : message;
          await recordRefused(plan, shown, ctx.isLastAttempt);
          if (stopsTheApplication(e)) stopped = shown;
          onlyKeyRefusals = false;
          failedAt.set(plan.integrationId, plan.fingerprint);
          failures.push(message);
          await ctx.progress({ total: seen.size, succeeded, failed: failedAt.size });
          continue;
        }
        await recordAcknowledged(plan, refused);
        if (Object.keys(refused).length > 0) {
          failedAt.set(plan.integrationId, plan.fingerprint);
          failures.push(Object.values(refused).join(" "));
        } else {
          failedAt.delete(plan.integrationId);
          succeeded += 1;
        }
        await ctx.progress({ total: seen.size, succeeded, failed: failedAt.size });
      }
    }
  };

  const ran = await underSyncLock(
    `onramp:sync-configurations:${customerId}`,
    pass,
    async () => pending(await configurationPlan(customerId)).length > 0,
  );
  if (ran === null) return { total: 0, succeeded: 0, failed: 0, handedOver: true };
  if (failedAt.size > 0 && onlyKeyRefusals) {
    // Retrying sends the same keys to the same refusal: a person edits the key table, then re-sends.
    throw new PermanentJobError(
      "unprocessable",
      `LinkedIn refused settings of ${failedAt.size} of ${seen.size} integrations. ${failures[failures.length - 1] ?? ""}`,
    );
  }
  if (failedAt.size > 0) {
    throw new SafeError(
      "upstream_unavailable",
      `The settings of ${failedAt.size} of ${seen.size} integrations were not accepted by LinkedIn. ${failures[failures.length - 1] ?? ""}`,
    );
  }
  return { total: seen.size, succeeded, failed: 0 };
}
