import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertCustomerAccess } from "@/lib/auth/access";
// What people (the support console, issue #6) and the schedule ask of the status machinery: a poll
// now (all customers or one) and a re-check of one integration (C19b). Both are tracked jobs (C28).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { assertMayStartJob } from "@/lib/jobs/permissions";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";

export type PollPayload = { customerId?: string };
export type RecheckPayload = { integrationId: string; actorId?: string };

/** Queues a fallback poll (in `tx` when given); `triggeredBy` is a user id or "system:poll". */
export async function enqueuePoll(
  scope: { customerId?: string | null },
  triggeredBy: string,
  tx?: Prisma.TransactionClient,
): Promise<{ trackedJobId: string; message: string }> {
  const payload: PollPayload = scope.customerId ? { customerId: scope.customerId } : {};
  const { trackedJobId } = await enqueueTrackedJob(
    { kind: "POLL_STATUS", customerId: scope.customerId ?? null, payload, triggeredBy },
    tx,
  );
  return {
    trackedJobId,
    message: scope.customerId ? "Status poll queued for this customer." : "Status poll queued for every customer.",
  };
}

/** The console's "poll now": audited, scoped like every customer action. */
export async function requestPoll(actor: Actor, scope: { customerId?: string | null }) {
  assertMayStartJob(actor, "POLL_STATUS");
  if (scope.customerId) assertCustomerAccess(actor, scope.customerId);
  else if (actor.role === "CUSTOMER_ADMIN") throw new SafeError("forbidden", "Your role does not allow this.");
  const result = await enqueuePoll(scope, actor.userId);
  await recordAudit(actor, {
    action: "status.poll_requested",
    targetType: scope.customerId ? "Customer" : "System",
    targetId: scope.customerId ?? null,
    customerId: scope.customerId ?? null,
    details: { jobId: result.trackedJobId },
  });
  return result;
}

/** The console's "poll this customer now": the answer names the customer. */
export async function requestCustomerPoll(actor: Actor, customerId: string): Promise<{ message: string }> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true, displayName: true } });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  const { message } = await requestPoll(actor, { customerId });
  return { message: `${customer.displayName}: ${message}` };
}

/** Asks LinkedIn for one integration's status now (C19b) and applies it with source RECHECK. */
export async function recheckIntegration(
  integrationId: string,
  actor: Actor,
): Promise<{ trackedJobId: string; message: string }> {
  const integration = await db.integration.findUnique({
    where: { id: integrationId },
    select: { id: true, customerId: true },
  });
  if (!integration) throw new SafeError("not_found", "No such integration.");
  assertCustomerAccess(actor, integration.customerId);
  assertMayStartJob(actor, "RECHECK_STATUS");
  const trackedJobId = await queueRecheck(integration, actor);
  await recordAudit(actor, {
    action: "integration.recheck_requested",
    targetType: "Integration",
    targetId: integrationId,
    customerId: integration.customerId,
    details: { jobId: trackedJobId },
  });
  return { trackedJobId, message: "Re-check queued: LinkedIn will be asked for this integration's status." };
}

/** Queues one integration's re-check (in `tx` when given): the request and a retry both come here. */
export async function queueRecheck(
  integration: { id: string; customerId: string },
  actor: Actor,
  tx?: Prisma.TransactionClient,
): Promise<string> {
  const payload: RecheckPayload = { integrationId: integration.id, actorId: actor.userId };
  const queued = await enqueueTrackedJob(
    { kind: "RECHECK_STATUS", customerId: integration.customerId, payload, triggeredBy: actor.userId },
    tx,
  );
  return queued.trackedJobId;
}
