import "server-only";
// L6, L9, RSC-105: every provisioned application's validJsSdkDomains must hold Onramp's public origin, or the
// plugin does not load. When PUBLIC_URL changes, or on an operator's request, a tracked SYNC_APP_DOMAINS job adds
// it (keeping the other domains each application had: `$set` replaces the whole list), one call per application
// that needs it, with its outcome recorded per customer (audit) and in the job's counts and outcome.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { isLinkedInError, setApplicationDomains } from "@/lib/linkedin";
import { triggeredByOf } from "./actor-label";

/** An operator's "Sync JavaScript SDK domains now". */
export async function requestDomainsSync(actor: JobRequester): Promise<{ jobId: string; message: string }> {
  assertMayStartJob(actor, "SYNC_APP_DOMAINS");
  const { trackedJobId } = await queueDomainsSync(actor);
  return {
    jobId: trackedJobId,
    message: "Queued: Onramp adds its address to every provisioned application's JavaScript SDK domains.",
  };
}

/** Queues the domains job (in `tx` when given); the start and a retry both come here. */
export function queueDomainsSync(actor: AuditActor, tx?: Prisma.TransactionClient) {
  return enqueueTrackedJob(
    {
      kind: "SYNC_APP_DOMAINS",
      customerId: null,
      payload: {},
      triggeredBy: triggeredByOf(actor),
      singletonKey: "sync-app-domains",
    },
    tx,
  );
}

export type DomainsSyncResult = {
  updated: number;
  alreadyRight: number;
  failed: { customerId: string; message: string }[];
};

/** The job's work. Safe to run again: applications that already list the origin are not called. */
export async function syncApplicationDomains(
  progress: (p: { total: number; succeeded: number; failed: number }) => Promise<void>,
): Promise<DomainsSyncResult> {
  const origin = new URL(env().PUBLIC_URL).origin;
  const apps = await db.customerApplication.findMany({
    where: { applicationUrn: { not: null }, origin: "PROVISIONED", customer: { archivedAt: null } },
    select: { id: true, customerId: true, applicationUrn: true, jsSdkDomains: true },
    orderBy: { id: "asc" },
  });
  const result: DomainsSyncResult = { updated: 0, alreadyRight: 0, failed: [] };
  const report = () =>
    progress({ total: apps.length, succeeded: result.updated + result.alreadyRight, failed: result.failed.length });
  await report();
  for (const app of apps) {
    if (app.jsSdkDomains.includes(origin) || !app.applicationUrn) {
      result.alreadyRight += 1;
      continue;
    }
    const domains = [...app.jsSdkDomains, origin];
    try {
      await setApplicationDomains(app.applicationUrn, domains);
    } catch (err) {
      if (!isLinkedInError(err)) throw err;
      result.failed.push({ customerId: app.customerId, message: err.message });
      await recordAudit(
        { system: "domains" },
        {
          action: "customer.js_sdk_domains_refused",
          targetType: "Customer",
          targetId: app.customerId,
          customerId: app.customerId,
          details: { reason: err.message },
        },
      );
      // The day's budget or LinkedIn being down stops the run; the job retries and resumes where it stopped.
      if (err.kind === "rate_limited" || err.kind === "unavailable") throw err;
      await report();
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.customerApplication.update({ where: { id: app.id }, data: { jsSdkDomains: domains } });
      await recordAudit(
        { system: "domains" },
        {
          action: "customer.js_sdk_domains_updated",
          targetType: "Customer",
          targetId: app.customerId,
          customerId: app.customerId,
          details: { jsSdkDomains: domains },
        },
        tx,
      );
    });
    result.updated += 1;
    await report();
  }
  return result;
}
