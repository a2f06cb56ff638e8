import "server-only";
// Nudges to a customer's admins (issue 14): the integration is PARTNER_READY (their turn, seed 001
// step 5, C18), it is still PARTNER_READY after N days, LinkedIn refused a value only they can change.
// Every nudge is an outbox row (./outbox.ts); switches and unsubscribes are honoured at send time.
import type { Prisma } from "@/lib/db/generated/client";
import type { OnboardingStatus } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { operatorSettings } from "@/lib/settings/operator-settings";
import { linkedInProduct } from "./enable-steps";
import { queueEmail } from "./outbox";
import type { ActionNeededData, PartnerReadyData } from "./templates/data";

export function integrationsPageUrl(): string {
  return `${env().PUBLIC_URL}/integrations`;
}

/** The addresses of the customer's active admins (also the issue remediation email, ./issue-remediation.ts). */
export async function adminAddresses(tx: Prisma.TransactionClient, customerId: string): Promise<string[]> {
  const admins = await tx.user.findMany({
    where: { customerId, role: "CUSTOMER_ADMIN", disabledAt: null },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return admins.map((a) => a.email);
}

type NudgeIntegration = { id: string; customerId: string; name: string; tenantType: string; customerName: string };

function partnerReadyData(i: NudgeIntegration, daysWaiting?: number): PartnerReadyData {
  const product = linkedInProduct(i.tenantType);
  return {
    customerName: i.customerName,
    integrationName: i.name,
    product,
    pageUrl: integrationsPageUrl(),
    ...(daysWaiting ? { daysWaiting } : {}),
  };
}

/**
 * Called by applyOnboardingStatus inside its transaction when a status moved forward: PARTNER_READY
 * queues the "your turn" email to each admin of the customer, caused by that history row.
 */
export async function queueStatusChangeEmails(
  tx: Prisma.TransactionClient,
  change: { integrationId: string; to: OnboardingStatus; statusChangeId: string },
): Promise<void> {
  if (change.to !== "PARTNER_READY") return;
  const i = await tx.integration.findUnique({
    where: { id: change.integrationId },
    select: {
      id: true,
      customerId: true,
      name: true,
      tenantType: true,
      customer: { select: { displayName: true, archivedAt: true } },
    },
  });
  if (!i || i.customer.archivedAt) return;
  const data = partnerReadyData({ ...i, customerName: i.customer.displayName });
  for (const to of await adminAddresses(tx, i.customerId)) {
    await queueEmail(tx, {
      template: "PARTNER_READY",
      to,
      cause: `status-change:${change.statusChangeId}`,
      data,
      customerId: i.customerId,
      integrationId: i.id,
    });
  }
}

export async function reminderDays(): Promise<number> {
  const s = (await operatorSettings()).find((x) => x.key === "partnerReadyReminderDays");
  return s?.value ?? env().NUDGE_REMINDER_DAYS;
}

/**
 * Queues reminders for integrations PARTNER_READY for at least N days, by the database's clock. The
 * n-th reminder (one per N days waited) has its own cause, and none is queued while one from the last
 * N days exists: at most one every N days, however often this runs. ENABLED integrations never match.
 */
export async function queueDueReminders(): Promise<number> {
  const days = await reminderDays();
  const due = await db.$queryRaw<(NudgeIntegration & { periods: number })[]>`
    SELECT i."id", i."customerId", i."name", i."tenantType", c."displayName" AS "customerName",
           floor(extract(epoch FROM (now() - i."statusChangedAt")) / (${days}::int * 86400))::int AS "periods"
    FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId"
    WHERE i."onboardingStatus" = 'PARTNER_READY' AND c."archivedAt" IS NULL AND c."emailNudges"
      AND i."statusChangedAt" <= now() - make_interval(days => ${days}::int)
      AND NOT EXISTS (SELECT 1 FROM "Email" e WHERE e."integrationId" = i."id" AND e."template" = 'PARTNER_READY_REMINDER'
                      AND e."createdAt" > now() - make_interval(days => ${days}::int))
    ORDER BY i."statusChangedAt" LIMIT 500`;
  let queued = 0;
  for (const i of due) {
    await db.$transaction(async (tx) => {
      for (const to of await adminAddresses(tx, i.customerId)) {
        const ok = await queueEmail(tx, {
          template: "PARTNER_READY_REMINDER",
          to,
          cause: `reminder:${i.id}:${i.periods}`,
          data: partnerReadyData(i, i.periods * days),
          customerId: i.customerId,
          integrationId: i.id,
        });
        if (ok) queued += 1;
      }
    });
  }
  return queued;
}

/**
 * LinkedIn refused configuration values of an integration after every retry, and at least one refused
 * key is entered by the customer (valueSource CUSTOMER): only their admins can fix it. One email per
 * distinct refusal message (the cause includes its hash), linking to their integrations page.
 */
export async function queueActionNeededEmails(): Promise<number> {
  const refused = await db.$queryRaw<(NudgeIntegration & { error: string })[]>`
    SELECT i."id", i."customerId", i."name", i."tenantType", c."displayName" AS "customerName", i."configSyncError" AS "error"
    FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId"
    WHERE i."configSyncState" = 'FAILED' AND i."configSyncError" IS NOT NULL AND c."archivedAt" IS NULL AND c."emailNudges"
      AND EXISTS (SELECT 1 FROM "IntegrationConfiguration" ic JOIN "ConfigurationKeyRequirement" r
                    ON r."integrationType" = i."integrationType" AND r."key" = ic."key"
                  WHERE ic."integrationId" = i."id" AND ic."syncState" = 'FAILED' AND r."valueSource" = 'CUSTOMER')
    LIMIT 500`;
  let queued = 0;
  for (const i of refused) {
    const data: ActionNeededData = {
      customerName: i.customerName,
      integrationName: i.name,
      reason: i.error,
      pageUrl: integrationsPageUrl(),
    };
    await db.$transaction(async (tx) => {
      for (const to of await adminAddresses(tx, i.customerId)) {
        const cause = `config-refused:${i.id}:${sha256Hex(i.error).slice(0, 16)}`;
        if (
          await queueEmail(tx, {
            template: "ADMIN_ACTION_NEEDED",
            to,
            cause,
            data,
            customerId: i.customerId,
            integrationId: i.id,
          })
        )
          queued += 1;
      }
    });
  }
  return queued;
}
