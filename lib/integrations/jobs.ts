import "server-only";
// Job handlers of lib/integrations (listed in server/composition.ts): the name sync (C10–C14) and
// the configuration sync (C15–C17) of one customer. The payload only says which customer; what is
// still to do always comes from the database, so a retried or resumed job never relies on a stale list.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob, type JobContext, type JobHandler, type RestartContext, type Restarted } from "@/lib/jobs/types";
import { syncCustomerConfigurations } from "./config-sync";
import { syncCustomerNames } from "./name-sync";
import { type SyncKinds, startCustomerSync } from "./start-sync";

export const customerSyncPayload = z.object({ customerId: z.string().min(1) });
export type CustomerSyncPayload = z.infer<typeof customerSyncPayload>;

/** Support reads why a job did nothing: the tracker keeps lastError on success (C28). */
async function noteHandedOver(trackedJobId: string): Promise<void> {
  await db.job.update({
    where: { id: trackedJobId },
    data: { lastError: "Another sync of this customer was already running; it took over this job's work." },
  });
}

/** A retry starts the sync as every other start does; a sync that finds another running hands over to it. */
async function restartSync(kinds: SyncKinds, customerId: string, ctx: RestartContext): Promise<Restarted> {
  const [trackedJobId] = await startCustomerSync(customerId, kinds, ctx.actor.userId, ctx.tx);
  if (!trackedJobId) throw new Error("startCustomerSync queued no job for one kind asked");
  return { trackedJobId };
}

/** One customer's sync of one kind: the job runs it, and a retry starts that kind again like every other start. */
function customerSyncJob<K extends "SYNC_NAMES" | "SYNC_CONFIGURATIONS">(
  kind: K,
  sync: (customerId: string, ctx: JobContext) => Promise<{ handedOver?: boolean }>,
  kinds: SyncKinds,
) {
  return defineJob({
    kind,
    payload: customerSyncPayload,
    async run(payload, ctx) {
      const totals = await sync(payload.customerId, ctx);
      if (totals.handedOver) await noteHandedOver(ctx.trackedJobId);
    },
    restart: (payload, ctx) => restartSync(kinds, payload.customerId, ctx),
  });
}

export const syncNamesJob = customerSyncJob("SYNC_NAMES", syncCustomerNames, { names: true });
export const syncConfigurationsJob = customerSyncJob("SYNC_CONFIGURATIONS", syncCustomerConfigurations, {
  configurations: true,
});

export const integrationJobHandlers: JobHandler[] = [syncNamesJob, syncConfigurationsJob];
