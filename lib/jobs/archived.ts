import "server-only";
// An archived customer gets no new work (issue 20 item 5): no job about it starts, neither when it is queued
// (./tracker.ts) nor when it runs (./run.ts). Here, in the job engine, because every start passes through it;
// lib/customers/archived.ts holds the rest of what archiving a customer stops.
import type { Prisma } from "@/lib/db/generated/client";
import type { JobKind } from "@/lib/db/enums";
import { db } from "@/lib/db/client";

export const CUSTOMER_ARCHIVED_MESSAGE =
  "This customer is archived, so Onramp does no new work for it. Restore it first (console: the customer's settings; API: PATCH with archived false).";

type Client = Pick<Prisma.TransactionClient, "customer">;

/**
 * Jobs that do work for one customer at LinkedIn. PROCESS_NOTIFICATION is not among them: a push LinkedIn sends
 * about an archived customer is still recorded and applied, so Onramp's view stays true for when it is restored.
 */
const CUSTOMER_WORK: ReadonlySet<JobKind> = new Set<JobKind>([
  "SYNC_NAMES",
  "SYNC_CONFIGURATIONS",
  "RECHECK_STATUS",
  "PROVISION_APPLICATION",
  "POLL_STATUS", // when scoped to one customer (its admin's "check now"); the hourly poll skips archived ones
]);

/** Why this job must not start (its customer is archived), or null. Read when it is queued and when it runs. */
export async function archivedCustomerRefusal(
  job: { kind: JobKind; customerId: string | null },
  client: Client = db,
): Promise<string | null> {
  if (!job.customerId || !CUSTOMER_WORK.has(job.kind)) return null;
  const customer = await client.customer.findUnique({ where: { id: job.customerId }, select: { archivedAt: true } });
  return customer?.archivedAt ? CUSTOMER_ARCHIVED_MESSAGE : null;
}
