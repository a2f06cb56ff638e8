import "server-only";
// Provisioning a customer's LinkedIn application through the vendor's parent application (C1), as a
// tracked job (C28) so the operator sees its progress and, on refusal, LinkedIn's reason in plain words.
import { ACTIVE_JOB_STATUSES } from "@/lib/jobs/status";
import { lockInTransaction } from "@/lib/db/advisory-lock";
import type { Job, Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob, type JobRequester } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import {
  ENDPOINTS,
  LinkedInError,
  customerAppSecretContext,
  findProvisionedApplication,
  isLinkedInError,
  provisionApplication,
  rollApplicationSecret,
} from "@/lib/linkedin";
import { triggeredByOf } from "./actor-label";

export type ProvisioningJob = Pick<
  Job,
  "id" | "status" | "attempts" | "maxAttempts" | "lastError" | "createdAt" | "startedAt" | "finishedAt" | "triggeredBy"
>;

export function latestProvisioningJob(customerId: string): Promise<ProvisioningJob | null> {
  return db.job.findFirst({
    where: { customerId, kind: "PROVISION_APPLICATION" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      attempts: true,
      maxAttempts: true,
      lastError: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      triggeredBy: true,
    },
  });
}

/** Queues the provisioning job; answers the running one when one is already under way. */
export async function requestProvisioning(
  actor: JobRequester,
  customerId: string,
): Promise<{ jobId: string; message: string }> {
  assertMayStartJob(actor, "PROVISION_APPLICATION");
  const queued = await db.$transaction(async (tx) => {
    const q = await queueProvisioning(actor, customerId, tx);
    if (q.underWay) return q;
    await recordAudit(
      actor,
      {
        action: "customer.provisioning_requested",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { jobId: q.trackedJobId },
      },
      tx,
    );
    return q;
  });
  return {
    jobId: queued.trackedJobId,
    message: queued.underWay
      ? "Provisioning is already under way."
      : "Provisioning queued: Onramp is asking LinkedIn to create this customer's application.",
  };
}

/**
 * The one way provisioning is queued, asked for or retried (issue 20): the customer's checks and "already under
 * way" under a per-customer advisory lock held by the caller's transaction, so two requests queue one job.
 */
export async function queueProvisioning(
  actor: AuditActor,
  customerId: string,
  tx: Prisma.TransactionClient,
): Promise<{ trackedJobId: string; underWay: boolean }> {
  await lockInTransaction(tx, `onramp:provision:${customerId}`);
  const customer = await tx.customer.findUnique({
    where: { id: customerId },
    select: { id: true, archivedAt: true, application: { select: { clientId: true } } },
  });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  if (customer.archivedAt)
    throw new SafeError("conflict", "This customer is archived. Restore it before provisioning.");
  if (customer.application) {
    throw new SafeError(
      "conflict",
      `This customer already has a LinkedIn application (API key ${customer.application.clientId}). Replace its keys instead of provisioning another.`,
    );
  }
  const running = await tx.job.findFirst({
    where: { customerId, kind: "PROVISION_APPLICATION", status: { in: [...ACTIVE_JOB_STATUSES] } },
    select: { id: true },
  });
  if (running) return { trackedJobId: running.id, underWay: true };
  const { trackedJobId } = await enqueueTrackedJob(
    {
      kind: "PROVISION_APPLICATION",
      customerId,
      payload: { customerId },
      triggeredBy: triggeredByOf(actor),
      singletonKey: `provision:${customerId}`,
    },
    tx,
  );
  return { trackedJobId, underWay: false };
}

/** Which way the keys were obtained (L5, L7): said by the job's outcome and the audit entry. */
export type ProvisioningPath = "created" | "recovered_after_conflict" | "recovered_after_lost_answer";

export const PROVISIONING_PATH_WORDS: Record<ProvisioningPath, string> = {
  created: "LinkedIn created the application and Onramp stored its keys",
  recovered_after_conflict:
    "LinkedIn already held this customer's application (its earlier answer never got stored): Onramp looked it up by the customer's id and rolled a new secret",
  recovered_after_lost_answer:
    "LinkedIn's answer to the create was lost: Onramp looked the application up by the customer's id and rolled a new secret",
};

interface ObtainedApplication {
  urn: string;
  clientId: string;
  clientSecret: string;
  jsSdkDomains: string[];
  path: ProvisioningPath;
}

/** L5 + L7: the application LinkedIn holds for this customer, with a fresh secret (the first one is lost). */
async function recoverApplication(
  foreignId: string,
  path: Exclude<ProvisioningPath, "created">,
): Promise<ObtainedApplication> {
  const found = await findProvisionedApplication(foreignId);
  if (!found) {
    // A lost answer and no application: LinkedIn did not create it; the job's next attempt creates it.
    throw new LinkedInError(
      "unavailable",
      "LinkedIn did not answer the create, and it holds no application for this customer yet. Onramp will try again.",
      { endpoint: ENDPOINTS.findApplication, attempts: 1 },
    );
  }
  let clientSecret: string;
  try {
    clientSecret = await rollApplicationSecret(found.urn);
  } catch (err) {
    if (!isLinkedInError(err) || (err.kind !== "bad_request" && err.kind !== "unauthorized" && err.kind !== "conflict"))
      throw err;
    // Recovery is impossible without a person (L7: e.g. the application already has two secrets).
    throw new LinkedInError(
      "conflict",
      `LinkedIn holds this customer's application (${found.urn}, API key ${found.clientId}) but refused a new secret: ${err.message} ` +
        "What to do: open that application in LinkedIn's developer portal (or ask LinkedIn Partner Engineering), delete its older " +
        `secret, generate a new one, then use "Enter keys by hand" on this page with API key ${found.clientId}, the new secret and the URN ${found.urn}.`,
      { endpoint: ENDPOINTS.rollSecret, httpStatus: err.httpStatus, attempts: err.attempts },
    );
  }
  return { urn: found.urn, clientId: found.clientId, clientSecret, jsSdkDomains: found.jsSdkDomains, path };
}

/** The create (sent once), or, when its answer is lost or LinkedIn already has the application, the recovery. */
async function obtainApplication(customer: { displayName: string; foreignId: string }): Promise<ObtainedApplication> {
  const jsSdkDomains = [new URL(env().PUBLIC_URL).origin];
  try {
    const app = await provisionApplication({
      uniqueForeignId: customer.foreignId,
      customerName: customer.displayName,
      description: `Onramp customer application for ${customer.displayName} (${customer.foreignId}).`,
      callbackUrls: env().LINKEDIN_APP_CALLBACK_URLS,
      // RSC-105, L9: the widget loads with this API key from Onramp's own pages.
      jsSdkDomains,
    });
    return { ...app, jsSdkDomains, path: "created" };
  } catch (err) {
    if (!isLinkedInError(err)) throw err;
    if (err.kind === "conflict") return recoverApplication(customer.foreignId, "recovered_after_conflict");
    // No answer, a 5xx or an answer Onramp could not read: LinkedIn may have created it (L5).
    if (err.kind === "unavailable" || err.kind === "invalid_response")
      return recoverApplication(customer.foreignId, "recovered_after_lost_answer");
    throw err;
  }
}

export type ProvisioningResult =
  | { result: "provisioned"; path: ProvisioningPath; clientId: string; urn: string }
  | { result: "already_has_keys" | "no_customer" };

/**
 * The job's work: obtain the application (create, or recover it: L5, L7), then store URN, domains and the key
 * pair encrypted (C3). Safe to run again: a retry after a crash anywhere finds either the stored keys or
 * LinkedIn's application (409), never makes a second one.
 */
export async function provisionCustomerApplication(customerId: string): Promise<ProvisioningResult> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, displayName: true, foreignId: true, application: { select: { id: true } } },
  });
  if (!customer) return { result: "no_customer" };
  // A retry after a crash, or keys entered by hand meanwhile: nothing left to do.
  if (customer.application) return { result: "already_has_keys" };
  const app = await obtainApplication(customer);
  await db.$transaction(async (tx) => {
    const row = await tx.customerApplication.create({
      data: {
        customerId,
        clientId: app.clientId,
        applicationUrn: app.urn,
        jsSdkDomains: app.jsSdkDomains,
        clientSecretEnc: "pending",
        clientSecretHint: "",
        origin: "PROVISIONED",
      },
      select: { id: true },
    });
    await tx.customerApplication.update({
      where: { id: row.id },
      data: {
        clientSecretEnc: encryptSecret(app.clientSecret, customerAppSecretContext(row.id)),
        clientSecretHint: secretHint(app.clientSecret),
      },
    });
    await recordAudit(
      { system: "provisioning" },
      {
        action: "customer.application_provisioned",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { clientId: app.clientId, applicationUrn: app.urn, path: app.path, jsSdkDomains: app.jsSdkDomains },
      },
      tx,
    );
  });
  return { result: "provisioned", path: app.path, clientId: app.clientId, urn: app.urn };
}
