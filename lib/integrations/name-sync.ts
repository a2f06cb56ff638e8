import "server-only";
// The name sync of one customer (C10, C11, C13, C14): every integration whose name LinkedIn has not
// yet acknowledged (nameSyncedVersion < nameVersion) is sent through the client's batch_partial_update,
// at most 100 per call and at least 1 s apart per application (the client reserves the slots in
// Postgres). Each entity's own answer is recorded on its row. The work list always comes from the
// database, never from the job payload, so a job that died half-way resumes where the rows say.
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { integrationSyncFailed } from "@/lib/events/hooks";
import type { JobContext } from "@/lib/jobs/types";
import { recordFlowStep } from "@/lib/onboarding-flow/record";
import { inBatches, integrationTuple, type NameSyncResult, syncIntegrationNames } from "@/lib/linkedin";
import { openSyncFailingIssues } from "@/lib/issues/sync-failing";
import { underSyncLock } from "./customer-lock";
import { describeGaveUp, describeSyncFailure } from "./sync-messages";

type NameWork = {
  id: string;
  integrationContext: string;
  integrationType: string;
  tenantType: string;
  name: string;
  nameVersion: number;
};

export type NameSyncTotals = {
  total: number;
  succeeded: number;
  failed: number;
  failures: Map<string, string>;
  /** Another job held this customer's name sync and does the work. */
  handedOver: boolean;
};

/** Rows still to send, minus those that already failed at the same version in this run. */
async function nameWork(customerId: string, failedAt: ReadonlyMap<string, number>): Promise<NameWork[]> {
  const rows = await db.$queryRaw<NameWork[]>`
    SELECT id, "integrationContext", "integrationType", "tenantType", name, "nameVersion"
    FROM "Integration"
    WHERE "customerId" = ${customerId} AND "nameSyncedVersion" < "nameVersion"
    ORDER BY "createdAt", id`;
  return rows.filter((r) => failedAt.get(r.id) !== r.nameVersion);
}

/** C14: a 204 for the entity. Records the version sent, so a rename made meanwhile stays PENDING. */
async function recordSynced(sent: { id: string; version: number }[]): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "Integration" AS i SET
      "nameSyncedVersion" = GREATEST(i."nameSyncedVersion", s.v),
      "nameSyncState" = (CASE WHEN i."nameVersion" <= s.v THEN 'SYNCED' ELSE 'PENDING' END)::"SyncState",
      "nameSyncError" = NULL,
      "nameSyncAttempts" = 0,
      "nameSyncedAt" = now() AT TIME ZONE 'UTC',
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${sent.map((s) => s.id)}::text[], ${sent.map((s) => s.version)}::int[]) AS s(id, v)
    WHERE i.id = s.id`;
}

async function recordFailed(
  customerId: string,
  failed: { id: string; message: string }[],
  final: boolean,
): Promise<void> {
  if (failed.length === 0) return;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
    UPDATE "Integration" AS i SET
      "nameSyncState" = ${final ? "FAILED" : "PENDING"}::"SyncState",
      "nameSyncError" = s.msg,
      "nameSyncAttempts" = i."nameSyncAttempts" + 1,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${failed.map((f) => f.id)}::text[], ${failed.map((f) => f.message)}::text[]) AS s(id, msg)
    WHERE i.id = s.id AND i."nameSyncedVersion" < i."nameVersion"`;
    if (final) {
      await integrationSyncFailed(
        tx,
        failed.map((f) => ({ integrationId: f.id, message: f.message })),
        "name",
      ); // issue 12
      await openSyncFailingIssues(
        tx,
        failed.map((f) => ({ integrationId: f.id, message: f.message })),
      );
      // Issue 22: the flow stops at "names and settings sent" until a person acts.
      await recordFlowStep(
        { customerId, step: "NAMES_AND_SETTINGS_SENT", outcome: "FAILED", reason: "SYNC_FAILED" },
        tx,
      );
    }
  });
}

function failureMessage(r: NameSyncResult): string {
  return describeSyncFailure("name", {
    status: r.status,
    detail: r.error,
    retryable: r.retryable,
    heldUntil: r.heldUntil,
  });
}

async function applicationOf(customerId: string) {
  const app = await db.customerApplication.findUnique({ where: { customerId }, select: { id: true, clientId: true } });
  if (!app) {
    throw new SafeError(
      "conflict",
      "This customer has no LinkedIn application yet, so no names can be sent. The vendor's operator must create or enter it in the console.",
    );
  }
  return app;
}

/**
 * Syncs every pending name of `customerId`. Records per-entity outcomes; throws (so pg-boss retries the
 * job) when some entities failed, after recording them. On the job's last attempt they become FAILED.
 */
export async function syncCustomerNames(
  customerId: string,
  ctx: Pick<JobContext, "progress" | "isLastAttempt" | "attempt">,
): Promise<NameSyncTotals> {
  const application = await applicationOf(customerId);
  const failedAt = new Map<string, number>();
  const totals: NameSyncTotals = { total: 0, succeeded: 0, failed: 0, failures: new Map(), handedOver: false };
  const seen = new Set<string>();

  const pass = async () => {
    for (;;) {
      const work = await nameWork(customerId, failedAt);
      if (work.length === 0) return;
      for (const w of work) seen.add(w.id);
      totals.total = seen.size;
      await ctx.progress({ total: totals.total, succeeded: totals.succeeded, failed: failedAt.size });
      for (const batch of inBatches(work)) {
        await db.integration.updateMany({
          where: { id: { in: batch.map((w) => w.id) } },
          data: { nameSyncState: "SYNCING" },
        });
        const results = await syncIntegrationNames(
          application,
          batch.map((w) => ({ tuple: integrationTuple(w), name: w.name })),
        );
        const ok: { id: string; version: number }[] = [];
        const bad: { id: string; message: string }[] = [];
        results.forEach((r, i) => {
          const w = batch[i] as NameWork;
          if (r.ok) {
            ok.push({ id: w.id, version: w.nameVersion });
            failedAt.delete(w.id);
            totals.failures.delete(w.id);
          } else {
            const message = failureMessage(r);
            bad.push({ id: w.id, message: ctx.isLastAttempt ? describeGaveUp(message, ctx.attempt) : message });
            failedAt.set(w.id, w.nameVersion);
            totals.failures.set(w.id, message);
          }
        });
        await recordSynced(ok);
        await recordFailed(customerId, bad, ctx.isLastAttempt);
        totals.succeeded += ok.length;
        await ctx.progress({ total: totals.total, succeeded: totals.succeeded, failed: failedAt.size });
      }
    }
  };

  const ran = await underSyncLock(
    `onramp:sync-names:${customerId}`,
    pass,
    async () => (await nameWork(customerId, failedAt)).length > 0,
  );
  totals.failed = failedAt.size;
  if (totals.succeeded > 0) await recordFlowStep({ customerId, step: "NAMES_AND_SETTINGS_SENT", outcome: "OK" }); // issue 22
  if (ran === null) return { ...totals, handedOver: true }; // another job holds this customer's name sync and does the work
  if (totals.failed > 0) {
    const first = [...totals.failures.values()][0] ?? "";
    throw new SafeError(
      "upstream_unavailable",
      `${totals.failed} of ${totals.total} integration names were not accepted by LinkedIn. ${first}`,
    );
  }
  return totals;
}
