import "server-only";
// The configuration sync of one customer (C15–C17, C21, L14, L15): every integration gets the keys of
// its type's row in the key table (ConfigurationKeyRequirement, data the operator edits, L14 by default:
// CALLBACK_URL and JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLY_VIEWERS on IN_ATS_INDICATOR). The
// viewers keys go only to customers without ATS access controls; for the others they are removed at
// LinkedIn (DELETE, L15), as is any stored key the table no longer lists. What must be sent is worked
// out from the database each time (config-plan.ts): the desired values against the stored rows and their sync state.
// A PUT of the full set is idempotent, so a job that died after LinkedIn accepted a write but before
// recording it only sends the same values again. A 401 or 429 stops the application's remaining calls.
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { integrationSyncFailed } from "@/lib/events/hooks";
import { PermanentJobError } from "@/lib/jobs/errors";
import { recordFlowStep } from "@/lib/onboarding-flow/record";
import type { JobContext } from "@/lib/jobs/types";
import { openSyncFailingIssues } from "@/lib/issues/sync-failing";
import {
  deleteIntegrationConfigurations,
  integrationTuple,
  isLinkedInError,
  type LinkedInError,
  writeIntegrationConfigurations,
} from "@/lib/linkedin";
import { type ConfigPlan, configurationPlan, describeKeyRefusal, waitingMessage } from "./config-plan";
import { underSyncLock } from "./customer-lock";
import { describeGaveUp, describeSyncFailure } from "./sync-messages";

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

async function recordRefused(customerId: string, plan: ConfigPlan, message: string, final: boolean): Promise<void> {
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
    if (final) {
      await integrationSyncFailed(tx, [{ integrationId: plan.integrationId, message }], "configuration"); // issue 12
      await openSyncFailingIssues(tx, [{ integrationId: plan.integrationId, message }]);
      await recordFlowStep(
        { customerId, step: "NAMES_AND_SETTINGS_SENT", outcome: "FAILED", reason: "SYNC_FAILED" },
        tx,
      ); // issue 22
    }
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
          await recordRefused(customerId, plan, stopped, ctx.isLastAttempt);
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
          await recordRefused(customerId, plan, shown, ctx.isLastAttempt);
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
  if (succeeded > 0) await recordFlowStep({ customerId, step: "NAMES_AND_SETTINGS_SENT", outcome: "OK" }); // issue 22
  if (failedAt.size > 0 && onlyKeyRefusals) {
    await recordFlowStep({ customerId, step: "NAMES_AND_SETTINGS_SENT", outcome: "FAILED", reason: "SYNC_FAILED" });
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
