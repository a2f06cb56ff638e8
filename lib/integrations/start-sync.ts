import "server-only";
// Starting the syncs of one customer: tracked jobs (C28), never LinkedIn calls inside a request.
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import type { CustomerSyncPayload } from "./jobs";

export type SyncKinds = { names?: boolean; configurations?: boolean };

/** Enqueues the requested syncs; a job that finds another one already running leaves the work to it. */
export async function startCustomerSync(
  customerId: string,
  kinds: SyncKinds,
  triggeredBy: string | null,
): Promise<string[]> {
  const job = {
    customerId,
    payload: { customerId } satisfies CustomerSyncPayload,
    triggeredBy: triggeredBy ?? undefined,
  };
  const ids: string[] = [];
  if (kinds.names) ids.push((await enqueueTrackedJob({ kind: "SYNC_NAMES", ...job })).trackedJobId);
  if (kinds.configurations) ids.push((await enqueueTrackedJob({ kind: "SYNC_CONFIGURATIONS", ...job })).trackedJobId);
  return ids;
}
