import "server-only";
// Job handlers of lib/customers (registered in lib/jobs/registry.ts).
import { z } from "zod";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { provisionCustomerApplication } from "./provisioning";

/**
 * C1: create the customer's LinkedIn application. LinkedIn's refusals (409 conflict on a repeated
 * uniqueForeignId, bad keys of the parent application) are LinkedInErrors whose messages say what to
 * do; they land on the job row at once for the operator to read.
 */
export const provisionApplicationJob = defineJob({
  kind: "PROVISION_APPLICATION",
  payload: z.object({ customerId: z.string().min(1) }),
  async run(payload, ctx) {
    await ctx.progress({ total: 1, succeeded: 0, failed: 0 });
    const outcome = await provisionCustomerApplication(payload.customerId);
    await ctx.progress({ total: 1, succeeded: outcome === "no_customer" ? 0 : 1, failed: 0 });
  },
});

export const customerJobHandlers: JobHandler[] = [provisionApplicationJob];
