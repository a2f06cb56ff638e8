import "server-only";
// Processing one stored notification (C19, C22, C24), run by the PROCESS_NOTIFICATION job:
// - INTEGRATION_STATUS_CHANGE: look the id up (q=request, every page) and apply each element to the
//   matching integration OF THAT CUSTOMER; a tuple the customer never requested becomes an anomaly
//   for support, never a change elsewhere.
// - other types (C22): kept, marked NOT_HANDLED.
// - an id past its expiresAt is not looked up (EXPIRED); the fallback poll covers it (C28).
// - a failed lookup (429, 5xx, 401) leaves it PENDING for the job engine's retry; after the last
//   attempt it is FAILED with the reason, and support can retry it by hand.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { linkedInPushRelayed } from "@/lib/events/hooks";
import { toSafeError } from "@/lib/errors/respond";
import { SafeError } from "@/lib/errors/safe-error";
import type { JobContext } from "@/lib/jobs/types";
import { lookupStatusByRequest, tupleId, type IntegrationStatus, type IntegrationTuple } from "@/lib/linkedin";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { applyOnboardingStatus } from "@/lib/onboarding-status/apply";
import { INTEGRATION_STATUS_CHANGE } from "./payload";

export const UNREQUESTED_INTEGRATION = "UNREQUESTED_INTEGRATION";

const TERMINAL = new Set(["PROCESSED", "NOT_HANDLED", "EXPIRED"]);

export type ProcessOutcome = {
  state: "PROCESSED" | "NOT_HANDLED" | "EXPIRED" | "SKIPPED";
  applied: number;
  anomalies: number;
};

type Ctx = Pick<JobContext, "attempt" | "isLastAttempt" | "progress">;

export async function processNotification(
  notificationId: string,
  ctx: Ctx,
  opts: { force?: boolean; now?: Date } = {},
): Promise<ProcessOutcome> {
  const now = opts.now ?? new Date();
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    include: { customer: { select: { application: { select: { id: true, clientId: true } } } } },
  });
  if (!n) throw new SafeError("not_found", `Notification ${notificationId} no longer exists.`);
  // A second run after the work was done (a crash after finishing, a duplicate job) does nothing.
  if (TERMINAL.has(n.processingState) && !opts.force) return { state: "SKIPPED", applied: 0, anomalies: 0 };

  await db.notification.update({
    where: { id: n.id },
    data: { processingState: "PROCESSING", attempts: { increment: 1 } },
  });

  if (n.type !== INTEGRATION_STATUS_CHANGE) {
    // Relayed to the vendor's ATS (issue 12, L18) in the transaction that marks it NOT_HANDLED.
    await finish(
      n.id,
      "NOT_HANDLED",
      0,
      `Received; relayed to the vendor's ATS as an event (Onramp does not act on ${n.type} itself).`,
      linkedInPushRelayed,
    );
    return { state: "NOT_HANDLED", applied: 0, anomalies: 0 };
  }
  if (n.expiresAt && n.expiresAt.getTime() < now.getTime() && !opts.force) {
    await finish(
      n.id,
      "EXPIRED",
      0,
      `The id expired at ${n.expiresAt.toISOString()} before it was looked up; the fallback poll covers it.`,
    );
    return { state: "EXPIRED", applied: 0, anomalies: 0 };
  }

  let elements: IntegrationStatus[];
  try {
    const app = n.customer.application;
    if (!app)
      throw new SafeError(
        "conflict",
        "This customer has no LinkedIn application in Onramp, so the notification can not be looked up.",
      );
    elements = await lookupStatusByRequest(app, n.linkedinId);
  } catch (err) {
    const reason = toSafeError(err).message;
    await db.notification.update({
      where: { id: n.id },
      data: { processingState: ctx.isLastAttempt ? "FAILED" : "PENDING", lastError: reason },
    });
    throw err; // the job engine retries with backoff, or records the failure after the last attempt
  }

  const integrations = await db.integration.findMany({
    where: { customerId: n.customerId },
    select: { id: true, integrationContext: true, integrationType: true, tenantType: true, dataProvider: true },
  });
  const byTuple = new Map(integrations.map((i) => [tupleId(i as IntegrationTuple), i.id]));
  let applied = 0;
  let anomalies = 0;
  for (const el of elements) {
    const integrationId = byTuple.get(tupleId(el.tuple));
    if (!integrationId) {
      anomalies += 1;
      await recordUnrequested(n.customerId, n.id, el);
      continue;
    }
    const result = await applyOnboardingStatus({
      integrationId,
      status: el.onboardingStatus,
      source: "PUSH",
      notificationId: n.id,
      at: now,
    });
    if (result.outcome === "changed") applied += 1;
  }
  await ctx.progress({ total: elements.length, succeeded: elements.length - anomalies, failed: anomalies });
  const note =
    elements.length === 0
      ? "LinkedIn returned no integrations for this notification."
      : anomalies > 0
        ? `${anomalies} of ${elements.length} integrations were never requested by this customer; see the anomalies.`
        : null;
  await finish(n.id, "PROCESSED", applied, note);
  return { state: "PROCESSED", applied, anomalies };
}

async function finish(
  id: string,
  state: "PROCESSED" | "NOT_HANDLED" | "EXPIRED",
  appliedCount: number,
  note: string | null,
  andThen?: (tx: Prisma.TransactionClient, id: string) => Promise<void>,
): Promise<void> {
  metrics().notificationsProcessed.inc({ outcome: state });
  await db.$transaction(async (tx) => {
    await tx.notification.update({
      where: { id },
      data: { processingState: state, processedAt: new Date(), appliedCount, lastError: note },
    });
    if (andThen) await andThen(tx, id);
  });
}

/** Once per notification and tuple, so a re-run after a crash does not report it twice. */
async function recordUnrequested(customerId: string, notificationId: string, el: IntegrationStatus): Promise<void> {
  const key = tupleId(el.tuple);
  const existing = await db.anomaly.findFirst({
    where: { notificationId, kind: UNREQUESTED_INTEGRATION, details: { path: ["tupleKey"], equals: key } },
    select: { id: true },
  });
  if (existing) return;
  const details: Prisma.InputJsonValue = {
    tupleKey: key,
    tuple: { ...el.tuple },
    onboardingStatus: el.onboardingStatus,
    integrationName: el.integrationName ?? null,
  };
  await db.anomaly.create({
    data: {
      customerId,
      notificationId,
      kind: UNREQUESTED_INTEGRATION,
      message:
        `LinkedIn reported ${el.tuple.integrationType}/${el.tuple.tenantType} for ${el.tuple.integrationContext} as ${el.onboardingStatus}, ` +
        "but this customer never requested that integration in Onramp. Nothing was changed.",
      details,
    },
  });
  logger().warn(
    { customerId, notificationId, tuple: key },
    "notification named an integration the customer never requested",
  );
}
