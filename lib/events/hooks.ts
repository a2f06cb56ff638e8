import "server-only";
// What each change tells the vendor's ATS (issue 12). Each function takes the transaction of the change,
// so the event commits with it or not at all (emit.ts), and is one call at its hook point.
import type { Prisma } from "@/lib/db/generated/client";
import type { OnboardingStatus, StatusSource } from "@/lib/db/enums";
import { emitEvents, type EventInput } from "./emit";
import { relayTypeOf } from "./types";

type Tx = Prisma.TransactionClient;

const integrationSelect = {
  id: true,
  customerId: true,
  integrationContext: true,
  integrationType: true,
  tenantType: true,
  name: true,
  onboardingStatus: true,
  customer: { select: { foreignId: true } },
} as const;

type IntegrationRow = Prisma.IntegrationGetPayload<{ select: typeof integrationSelect }>;

function integrationData(i: IntegrationRow): Prisma.InputJsonObject {
  return {
    customer: { id: i.customerId, foreignId: i.customer.foreignId },
    integration: {
      id: i.id,
      integrationContext: i.integrationContext,
      integrationType: i.integrationType,
      tenantType: i.tenantType,
      name: i.name,
      onboardingStatus: i.onboardingStatus,
    },
  };
}

/** Widget intake (C7): one integration.requested per integration created. */
export async function integrationsRequested(tx: Tx, integrationIds: string[]): Promise<void> {
  if (integrationIds.length === 0) return;
  const rows = await tx.integration.findMany({
    where: { id: { in: integrationIds } },
    select: integrationSelect,
    orderBy: { id: "asc" },
  });
  await emitEvents(
    tx,
    rows.map((i) => ({ type: "integration.requested", customerId: i.customerId, data: integrationData(i) })),
  );
}

/** apply.ts (C18): integration.status_changed, and integration.enabled as well when it became ENABLED. */
export async function integrationStatusChanged(
  tx: Tx,
  change: { integrationId: string; from: OnboardingStatus; to: OnboardingStatus; source: StatusSource; at: Date },
): Promise<void> {
  const i = await tx.integration.findUniqueOrThrow({ where: { id: change.integrationId }, select: integrationSelect });
  const data = {
    ...integrationData(i),
    from: change.from,
    to: change.to,
    enabled: change.to === "ENABLED",
    source: change.source,
    changedAt: change.at.toISOString(),
  };
  const events: EventInput[] = [{ type: "integration.status_changed", customerId: i.customerId, data }];
  if (change.to === "ENABLED") events.push({ type: "integration.enabled", customerId: i.customerId, data });
  await emitEvents(tx, events);
}

/** Name (C14) or configuration (C17) sync failed after its last attempt. */
export async function integrationSyncFailed(
  tx: Tx,
  failures: { integrationId: string; message: string }[],
  what: "name" | "configuration",
): Promise<void> {
  if (failures.length === 0) return;
  const rows = await tx.integration.findMany({
    where: { id: { in: failures.map((f) => f.integrationId) } },
    select: integrationSelect,
  });
  const message = new Map(failures.map((f) => [f.integrationId, f.message]));
  await emitEvents(
    tx,
    rows.map((i) => ({
      type: "integration.sync_failed",
      customerId: i.customerId,
      data: { ...integrationData(i), what, error: message.get(i.id) ?? null },
    })),
  );
}

/** LinkedIn refused the customer's keys (401, C27): once per refusal, not per call while they stay refused. */
export async function customerKeysRefused(tx: Tx, applicationId: string, message: string): Promise<void> {
  const app = await tx.customerApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { clientId: true, customerId: true, customer: { select: { foreignId: true } } },
  });
  await emitEvents(tx, [
    {
      type: "customer.keys_refused",
      customerId: app.customerId,
      data: { customer: { id: app.customerId, foreignId: app.customer.foreignId }, clientId: app.clientId, message },
    },
  ]);
}

/** L30: a customer admin changed the account-level LinkedIn Easy Apply toggle; the ATS applies it to job postings. */
export async function customerEasyApplyChanged(
  tx: Tx,
  change: { customerId: string; enabled: boolean; at: Date },
): Promise<void> {
  const c = await tx.customer.findUniqueOrThrow({ where: { id: change.customerId }, select: { foreignId: true } });
  await emitEvents(tx, [
    {
      type: "customer.easy_apply_changed",
      customerId: change.customerId,
      data: {
        customer: { id: change.customerId, foreignId: c.foreignId },
        linkedInEasyApply: change.enabled,
        changedAt: change.at.toISOString(),
      },
    },
  ]);
}

/** A push Onramp does not act on itself (C22), relayed to the ATS: EXPORT_CANDIDATE_PROFILE first (L18). */
export async function linkedInPushRelayed(tx: Tx, notificationId: string): Promise<void> {
  const n = await tx.notification.findUniqueOrThrow({
    where: { id: notificationId },
    select: {
      id: true,
      customerId: true,
      linkedinId: true,
      type: true,
      expiresAt: true,
      receivedAt: true,
      customer: { select: { foreignId: true } },
    },
  });
  await emitEvents(tx, [
    {
      type: relayTypeOf(n.type),
      customerId: n.customerId,
      data: {
        customer: { id: n.customerId, foreignId: n.customer.foreignId },
        notification: {
          id: n.id,
          linkedinId: n.linkedinId,
          type: n.type,
          expiresAt: n.expiresAt?.toISOString() ?? null,
          receivedAt: n.receivedAt.toISOString(),
        },
      },
    },
  ]);
}
