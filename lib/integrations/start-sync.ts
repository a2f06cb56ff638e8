import "server-only";
// Starting the syncs of one customer: tracked jobs (C28), never LinkedIn calls inside a request.
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import type { CustomerSyncPayload } from "./jobs";

export type SyncKinds = { names?: boolean; configurations?: boolean };

/**
 * Enqueues the requested syncs (in `tx` when given: a retry records itself with them); a job that finds another
 * one already running leaves the work to it. `triggeredBy` is null when no person asked (the poll's confirmation).
 */
export async function startCustomerSync(
  customerId: string,
  kinds: SyncKinds,
  triggeredBy: string | null,
  tx?: Prisma.TransactionClient,
): Promise<string[]> {
  const job = {
    customerId,
    payload: { customerId } satisfies CustomerSyncPayload,
    triggeredBy: triggeredBy ?? undefined,
  };
  const ids: string[] = [];
  if (kinds.names) ids.push((await enqueueTrackedJob({ kind: "SYNC_NAMES", ...job }, tx)).trackedJobId);
  if (kinds.configurations)
    ids.push((await enqueueTrackedJob({ kind: "SYNC_CONFIGURATIONS", ...job }, tx)).trackedJobId);
  return ids;
}
