import "server-only";
// Job handlers of lib/customers (registered in lib/jobs/registry.ts).
import { z } from "zod";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { PermanentJobError } from "@/lib/jobs/errors";
import { isLinkedInError, type LinkedInErrorKind } from "@/lib/linkedin/errors";
import { provisionCustomerApplication } from "./provisioning";

const PERMANENT_KINDS: ReadonlySet<LinkedInErrorKind> = new Set(["conflict", "bad_request", "not_configured"]);

/**
 * C1: create the customer's LinkedIn application. LinkedIn's refusals (409 conflict on a repeated
 * uniqueForeignId, bad keys of the parent application) are LinkedInErrors whose messages say what to
 * do; they land on the job row at once for the operator to read, and the job is not retried.
 */
export const provisionApplicationJob = defineJob({
  kind: "PROVISION_APPLICATION",
  payload: z.object({ customerId: z.string().min(1) }),
  async run(payload, ctx) {
    await ctx.progress({ total: 1, succeeded: 0, failed: 0 });
    const outcome = await provisionCustomerApplication(payload.customerId).catch((err: unknown) => {
      // A conflict or an invalid request stays refused however often it is sent.
      if (isLinkedInError(err) && PERMANENT_KINDS.has(err.kind)) throw new PermanentJobError("conflict", err.message);
      throw err;
    });
    await ctx.progress({ total: 1, succeeded: outcome === "no_customer" ? 0 : 1, failed: 0 });
  },
});

export const customerJobHandlers: JobHandler[] = [provisionApplicationJob];
