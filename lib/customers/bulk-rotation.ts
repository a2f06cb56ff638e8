import "server-only";
// Bulk secret rotation (L7, issue 10 item 4): "rotate every secret older than N days" (LinkedIn advises 60–90). An
// operator's request queues one tracked ROTATE_SECRETS job; it rolls each provisioned application whose secret was
// set before the cutoff fixed at the request (rotateCustomerSecret: new secret stored encrypted, the previous one
// accepted for pushes during the overlap), one after the other, and records a result per customer: an audit entry
// on the customer (rotated, refused with LinkedIn's reason, or skipped with what a person must do) and a line in
// the job's outcome. Safe to run again: a rolled secret's secretSetAt is after the cutoff, so it is not rolled twice.
import { ACTIVE_JOB_STATUSES } from "@/lib/jobs/status";
import { lockInTransaction } from "@/lib/db/advisory-lock";
import { z } from "zod";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { toSafeError } from "@/lib/errors/respond";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import type { JobProgress } from "@/lib/jobs/types";
import { triggeredByOf } from "./actor-label";
import { MANUAL_ROTATION_STEPS, rotateCustomerSecret } from "./secret-rotation";

const DAY_MS = 86_400_000;

/** The operator's choice: LinkedIn advises 60–90 days (L7); less than a day would roll secrets just rolled. */
export const bulkRotationSchema = z.object({
  olderThanDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Enter at least 1 day.")
    .max(3650, "Enter at most 3650 days."),
});

export const bulkRotationPayloadSchema = z.object({
  olderThanDays: z.number().int(),
  /** Secrets set before this instant are rolled; fixed when the job is asked for, so a retry acts on the same set. */
  setBefore: z.iso.datetime(),
});

/** Advisory-lock name: one bulk-rotation request decides at a time, across every Onramp process. */
const BULK_ROTATION_LOCK = "onramp:bulk-secret-rotation";

export type BulkRotationPayload = z.infer<typeof bulkRotationPayloadSchema>;

/** An operator's "rotate every secret older than N days". */
export async function requestBulkRotation(
  actor: JobRequester,
  input: z.infer<typeof bulkRotationSchema>,
  now = new Date(),
): Promise<{ jobId: string; message: string }> {
  assertMayStartJob(actor, "ROTATE_SECRETS");
  const setBefore = new Date(now.getTime() - input.olderThanDays * DAY_MS);
  const payload = { olderThanDays: input.olderThanDays, setBefore: setBefore.toISOString() };
  const { trackedJobId, due } = await db.$transaction(async (tx) => {
    const queued = await queueBulkRotation(actor, payload, tx);
    await recordAudit(
      actor,
      {
        action: "customers.bulk_secret_rotation_requested",
        targetType: "Job",
        targetId: queued.trackedJobId,
        details: { ...payload, due: queued.due },
      },
      tx,
    );
    return queued;
  });
  return {
    jobId: trackedJobId,
    message: `Queued: ${due} secret(s) older than ${input.olderThanDays} days will be rotated, one customer after the other.`,
  };
}

/**
 * The one way a bulk rotation is queued, asked for or retried (issue 20): under the advisory lock, refused while
 * one is under way, so two requests or two retries at once queue at most one. Runs in the caller's transaction,
 * which holds the lock until it commits.
 */
export async function queueBulkRotation(
  actor: AuditActor,
  payload: BulkRotationPayload,
  tx: Prisma.TransactionClient,
): Promise<{ trackedJobId: string; due: number }> {
  // Two operators asking at once: the lock makes the second wait for the first's commit, then see its job.
  await lockInTransaction(tx, BULK_ROTATION_LOCK);
  const running = await tx.job.findFirst({
    where: { kind: "ROTATE_SECRETS", status: { in: [...ACTIVE_JOB_STATUSES] } },
    select: { id: true },
  });
  if (running)
    throw new SafeError("conflict", "A bulk rotation is already under way; wait for it to finish before asking again.");
  const due = await tx.customerApplication.count({ where: dueWhere(new Date(payload.setBefore)) });
  const queued = await enqueueTrackedJob(
    { kind: "ROTATE_SECRETS", customerId: null, payload, triggeredBy: triggeredByOf(actor) },
    tx,
  );
  return { trackedJobId: queued.trackedJobId, due };
}

function dueWhere(setBefore: Date) {
  return { secretSetAt: { lt: setBefore }, customer: { archivedAt: null } } as const;
}

export type BulkRotationResult = {
  rotated: string[];
  refused: { customer: string; reason: string }[];
  skipped: { customer: string; reason: string }[];
};

const SYSTEM: AuditActor = { system: "bulk-rotation" };

/** The job's work: every application still due, oldest secret first. */
export async function runBulkRotation(
  payload: BulkRotationPayload,
  jobId: string,
  progress: (p: JobProgress) => Promise<void>,
): Promise<BulkRotationResult> {
  const apps = await db.customerApplication.findMany({
    where: dueWhere(new Date(payload.setBefore)),
    orderBy: [{ secretSetAt: "asc" }, { id: "asc" }],
    select: { customerId: true, origin: true, applicationUrn: true, customer: { select: { displayName: true } } },
  });
  const result: BulkRotationResult = { rotated: [], refused: [], skipped: [] };
  const report = () =>
    progress({
      total: apps.length,
      succeeded: result.rotated.length,
      failed: result.refused.length + result.skipped.length,
    });
  await report();
  for (const app of apps) {
    const customer = app.customer.displayName;
    if (app.origin !== "PROVISIONED" || !app.applicationUrn) {
      // Keys entered by hand: Onramp's developer application can not roll them (L7).
      result.skipped.push({ customer, reason: "keys entered by hand: rotate in LinkedIn's developer portal" });
      await recordAudit(SYSTEM, {
        action: "customer.secret_rotation_skipped",
        targetType: "Customer",
        targetId: app.customerId,
        customerId: app.customerId,
        details: { jobId, reason: MANUAL_ROTATION_STEPS },
      });
    } else {
      try {
        await rotateCustomerSecret(SYSTEM, app.customerId);
        result.rotated.push(customer);
      } catch (err) {
        // Refusals are audited by rotateCustomerSecret (LinkedIn's) or here (Onramp's own checks).
        const reason = toSafeError(err).message;
        result.refused.push({ customer, reason });
        await recordAudit(SYSTEM, {
          action: "customer.secret_rotation_not_done",
          targetType: "Customer",
          targetId: app.customerId,
          customerId: app.customerId,
          details: { jobId, reason },
        });
      }
    }
    await report();
  }
  return result;
}

/** The job's outcome: counts, then one line per customer that was not rotated (rotated ones are in their audit). */
export function bulkRotationOutcome(r: BulkRotationResult): string {
  const lines = [
    `${r.rotated.length} secret(s) rotated, ${r.refused.length} refused, ${r.skipped.length} skipped.`,
    ...r.refused.map((x) => `Refused — ${x.customer}: ${x.reason}`),
    ...r.skipped.map((x) => `Skipped — ${x.customer}: ${x.reason}`),
  ];
  return lines.join("\n");
}
