import "server-only";
// Provisioning a customer's LinkedIn application through the vendor's parent application (C1), as a
// tracked job (C28) so the operator sees its progress and, on refusal, LinkedIn's reason in plain words.
import type { Job } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { customerAppSecretContext, provisionApplication } from "@/lib/linkedin";
import { triggeredByOf } from "./actor-label";

const ACTIVE = ["QUEUED", "RUNNING", "RETRYING"] as const;

export type ProvisioningJob = Pick<
  Job,
  "id" | "status" | "attempts" | "maxAttempts" | "lastError" | "createdAt" | "startedAt" | "finishedAt" | "triggeredBy"
>;

export function latestProvisioningJob(customerId: string): Promise<ProvisioningJob | null> {
  return db.job.findFirst({
    where: { customerId, kind: "PROVISION_APPLICATION" },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, attempts: true, maxAttempts: true, lastError: true, createdAt: true, startedAt: true, finishedAt: true, triggeredBy: true },
  });
}

/** Queues the provisioning job; answers the running one when one is already under way. */
export async function requestProvisioning(actor: AuditActor, customerId: string): Promise<{ jobId: string; message: string }> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, archivedAt: true, application: { select: { clientId: true } } },
  });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  if (customer.archivedAt) throw new SafeError("conflict", "This customer is archived. Restore it before provisioning.");
  if (customer.application) {
    throw new SafeError(
      "conflict",
      `This customer already has a LinkedIn application (API key ${customer.application.clientId}). Replace its keys instead of provisioning another.`,
    );
  }
  const running = await db.job.findFirst({
    where: { customerId, kind: "PROVISION_APPLICATION", status: { in: [...ACTIVE] } },
    select: { id: true },
  });
  if (running) return { jobId: running.id, message: "Provisioning is already under way." };
  const { trackedJobId } = await enqueueTrackedJob({
    kind: "PROVISION_APPLICATION",
    customerId,
    payload: { customerId },
    triggeredBy: triggeredByOf(actor),
    singletonKey: `provision:${customerId}`,
  });
  await recordAudit(actor, {
    action: "customer.provisioning_requested",
    targetType: "Customer",
    targetId: customerId,
    customerId,
    details: { jobId: trackedJobId },
  });
  return { jobId: trackedJobId, message: "Provisioning queued: Onramp is asking LinkedIn to create this customer's application." };
}

/** The job's work: ask LinkedIn, then store the key pair encrypted (C3). Safe to run again. */
export async function provisionCustomerApplication(customerId: string): Promise<"provisioned" | "already_has_keys" | "no_customer"> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, displayName: true, foreignId: true, application: { select: { id: true } } },
  });
  if (!customer) return "no_customer";
  // A retry after a crash, or keys entered by hand meanwhile: nothing left to do.
  if (customer.application) return "already_has_keys";
  const publicOrigin = new URL(env().PUBLIC_URL).origin;
  const app = await provisionApplication({
    uniqueForeignId: customer.foreignId,
    customerName: customer.displayName,
    description: `Onramp customer application for ${customer.displayName} (${customer.foreignId}).`,
    callbackUrls: [],
    // The widget loads with this API key from Onramp's own pages (C4).
    jsOrigins: [publicOrigin],
  });
  await db.$transaction(async (tx) => {
    const row = await tx.customerApplication.create({
      data: { customerId, clientId: app.clientId, clientSecretEnc: "pending", clientSecretHint: "", origin: "PROVISIONED" },
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
        details: { clientId: app.clientId, name: app.name },
      },
      tx,
    );
  });
  return "provisioned";
}
