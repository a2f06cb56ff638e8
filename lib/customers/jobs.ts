import "server-only";
// Job handlers of lib/customers (listed in server/composition.ts).
import { z } from "zod";
import { toSafeError } from "@/lib/errors/respond";
import { PermanentJobError } from "@/lib/jobs/errors";
import { recordOutcome } from "@/lib/jobs/tracker";
import { defineJob, type JobHandler } from "@/lib/jobs/types";
import { isLinkedInError, type LinkedInErrorKind } from "@/lib/linkedin/errors";
import { queueDomainsSync, syncApplicationDomains } from "./app-domains";
import { bulkRotationOutcome, bulkRotationPayloadSchema, queueBulkRotation, runBulkRotation } from "./bulk-rotation";
import { abandonPendingRows, runKeyImport } from "./key-import-run";
import { requeueKeyImport } from "./key-import-retry";
import { PROVISIONING_PATH_WORDS, provisionCustomerApplication, queueProvisioning } from "./provisioning";

const PERMANENT_KINDS: ReadonlySet<LinkedInErrorKind> = new Set(["conflict", "bad_request", "not_configured"]);

/**
 * C1: create the customer's LinkedIn application; a 409 or a lost answer is recovered (L5, L7). What LinkedIn
 * refuses for good (the roll, bad keys of the parent application) is a LinkedInError whose message says what to
 * do; it lands on the job row at once for the operator to read, and the job is not retried. The outcome says
 * which path was taken.
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
    await ctx.progress({ total: 1, succeeded: outcome.result === "no_customer" ? 0 : 1, failed: 0 });
    if (outcome.result === "provisioned")
      await recordOutcome(
        ctx.trackedJobId,
        `${PROVISIONING_PATH_WORDS[outcome.path]} (${outcome.urn}, API key ${outcome.clientId}).`,
      );
  },
  // The customer's checks and "already under way" again: no second application, no provisioning of an archived one.
  async restart(payload, { actor, tx }) {
    const q = await queueProvisioning(actor, payload.customerId, tx);
    return q.underWay ? { trackedJobId: q.trackedJobId, message: "Provisioning is already under way." } : q;
  },
});

/** L6: Onramp's origin in every provisioned application's validJsSdkDomains (lib/customers/app-domains.ts). */
export const syncAppDomainsJob = defineJob({
  kind: "SYNC_APP_DOMAINS",
  payload: z.object({}),
  async run(_payload, ctx) {
    const r = await syncApplicationDomains((p) => ctx.progress(p));
    const failed = r.failed.length ? ` LinkedIn refused ${r.failed.length}: see each customer's audit log.` : "";
    await recordOutcome(
      ctx.trackedJobId,
      `${r.updated} application(s) updated, ${r.alreadyRight} already listed Onramp's address.${failed}`,
    );
  },
  restart: (_payload, { actor, tx }) => queueDomainsSync(actor, tx),
});

/**
 * C1, L21: checks a bulk import's rows with LinkedIn and stores them (lib/customers/key-import.ts). The payload is
 * the import's id only (C3). When the last attempt fails, the rows never checked say so and lose their secrets.
 */
export const importApplicationKeysJob = defineJob({
  kind: "IMPORT_APPLICATION_KEYS",
  payload: z.object({ importId: z.string().min(1) }),
  async run(payload, ctx) {
    try {
      const r = await runKeyImport(payload.importId, (p) => ctx.progress(p));
      await recordOutcome(
        ctx.trackedJobId,
        `${r.imported} row(s) imported, ${r.unchanged} unchanged, ${r.refused} refused: each row says why.`,
      );
    } catch (err) {
      if (ctx.isLastAttempt) {
        const abandoned = await abandonPendingRows(payload.importId, toSafeError(err).message);
        await recordOutcome(ctx.trackedJobId, `Stopped: ${abandoned} row(s) were not checked and were not imported.`);
      }
      throw err;
    }
  },
  restart: (payload, { actor, tx }) => requeueKeyImport(actor, payload.importId, tx),
});

/** L7: "rotate every secret older than N days" (lib/customers/bulk-rotation.ts), a result per customer. */
export const rotateSecretsJob = defineJob({
  kind: "ROTATE_SECRETS",
  payload: bulkRotationPayloadSchema,
  async run(payload, ctx) {
    const r = await runBulkRotation(payload, ctx.trackedJobId, (p) => ctx.progress(p));
    await recordOutcome(ctx.trackedJobId, bulkRotationOutcome(r));
  },
  // The same cutoff as the job retried, under the same lock and "already under way" check as a first request.
  restart: (payload, { actor, tx }) => queueBulkRotation(actor, payload, tx),
});

export const customerJobHandlers: JobHandler[] = [
  provisionApplicationJob,
  syncAppDomainsJob,
  importApplicationKeysJob,
  rotateSecretsJob,
];
