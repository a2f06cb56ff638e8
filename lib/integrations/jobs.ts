import "server-only";
// Job handlers of lib/integrations (registered in lib/jobs/registry.ts): the name sync (C10–C14) and
// the configuration sync (C15–C17) of one customer. The payload only says which customer; what is
// still to do always comes from the database, so a retried or resumed job never relies on a stale list.
import { z } from "zod";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { syncCustomerConfigurations } from "./config-sync";
import { syncCustomerNames } from "./name-sync";

export const customerSyncPayload = z.object({ customerId: z.string().min(1) });
export type CustomerSyncPayload = z.infer<typeof customerSyncPayload>;

export const syncNamesJob = defineJob({
  kind: "SYNC_NAMES",
  payload: customerSyncPayload,
  async run(payload, ctx) {
    await syncCustomerNames(payload.customerId, ctx);
  },
});

export const syncConfigurationsJob = defineJob({
  kind: "SYNC_CONFIGURATIONS",
  payload: customerSyncPayload,
  async run(payload, ctx) {
    await syncCustomerConfigurations(payload.customerId, ctx);
  },
});

export const integrationJobHandlers: JobHandler[] = [syncNamesJob as unknown as JobHandler, syncConfigurationsJob as unknown as JobHandler];
