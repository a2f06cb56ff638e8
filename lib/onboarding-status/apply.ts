import "server-only";
// The one place an integration's onboarding status changes after the widget (C18): push (C19), poll
// (C28), re-check (C19b) and a person all come through here.
// - An older status never overwrites a newer one (REQUESTED < PARTNER_READY < ENABLED).
// - Idempotent: the same status again changes nothing and writes no second history row. LinkedIn's
//   retries carry new ids (C24), so this — the data the id resolves to — is what deduplicates them.
// - Concurrent applications of one integration are serialized by a row lock, so five retries
//   processed at the same moment still change it once.
import type { FlowStepKind, OnboardingStatus, StatusSource } from "@/lib/db/enums";
import { db } from "@/lib/db/client";
import { integrationStatusChanged } from "@/lib/events/hooks";
import { ONBOARDING_STATUS_ORDER } from "@/lib/integrations/types";
import { queueStatusChangeEmails } from "@/lib/email/nudges";
import { resolveIssues } from "@/lib/issues/lifecycle";
import { recordFlowStep } from "@/lib/onboarding-flow/record";

export type ApplyStatusInput = {
  integrationId: string;
  status: OnboardingStatus;
  source: StatusSource;
  /** Notification.id of the push that said so (C19). */
  notificationId?: string | null;
  /** The user who asked (re-check, manual). */
  actorId?: string | null;
  /** When it changed; now by default. */
  at?: Date;
};

export type ApplyStatusResult =
  /** The status moved forward; one history row was written. */
  | { outcome: "changed"; from: OnboardingStatus; to: OnboardingStatus }
  /** Already this status (a retry, C24). */
  | { outcome: "unchanged"; from: OnboardingStatus; to: OnboardingStatus }
  /** Onramp already knows a newer status; the older one is ignored. */
  | { outcome: "older"; from: OnboardingStatus; to: OnboardingStatus }
  | { outcome: "missing"; to: OnboardingStatus };

const FLOW_STEP_OF_STATUS: Partial<Record<OnboardingStatus, FlowStepKind>> = {
  PARTNER_READY: "WAITING_ON_CUSTOMER",
  ENABLED: "ENABLED",
};

export function isNewer(candidate: OnboardingStatus, current: OnboardingStatus): boolean {
  return ONBOARDING_STATUS_ORDER[candidate] > ONBOARDING_STATUS_ORDER[current];
}

export async function applyOnboardingStatus(input: ApplyStatusInput): Promise<ApplyStatusResult> {
  const at = input.at ?? new Date();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: OnboardingStatus }[]>`
      SELECT "onboardingStatus"::text AS status FROM "Integration" WHERE "id" = ${input.integrationId} FOR UPDATE`;
    const current = rows[0]?.status;
    if (!current) return { outcome: "missing", to: input.status } as const;
    if (!isNewer(input.status, current)) {
      await tx.integration.update({ where: { id: input.integrationId }, data: { lastCheckedAt: at } });
      return { outcome: current === input.status ? "unchanged" : "older", from: current, to: input.status } as const;
    }
    const { customerId } = await tx.integration.update({
      where: { id: input.integrationId },
      select: { customerId: true },
      data: {
        onboardingStatus: input.status,
        statusChangedAt: at,
        statusSource: input.source,
        statusNotificationId: input.notificationId ?? null,
        lastCheckedAt: at,
      },
    });
    const change = await tx.integrationStatusChange.create({
      data: {
        integrationId: input.integrationId,
        fromStatus: current,
        toStatus: input.status,
        source: input.source,
        notificationId: input.notificationId ?? null,
        actorId: input.actorId ?? null,
        createdAt: at,
      },
    });
    // The vendor's event (issue 12), in this transaction: integration.status_changed (+ integration.enabled).
    await integrationStatusChanged(tx, {
      integrationId: input.integrationId,
      from: current,
      to: input.status,
      source: input.source,
      at,
    });
    // Issue 22: the integration moved on, so "stuck at a status" resolves itself (it reopens if it waits again).
    await resolveIssues(tx, {
      type: "STUCK_AT_STATUS",
      integrationId: input.integrationId,
      by: "system:status-change",
    });
    // Email outbox (issue 14): the PARTNER_READY nudge commits with the change that causes it.
    await queueStatusChangeEmails(tx, {
      integrationId: input.integrationId,
      to: input.status,
      statusChangeId: change.id,
    });
    // Issue 22: the flow's last two steps are LinkedIn's statuses, recorded with the change.
    const step = FLOW_STEP_OF_STATUS[input.status];
    if (step) await recordFlowStep({ customerId, step, outcome: "OK", at }, tx);
    return { outcome: "changed", from: current, to: input.status } as const;
  });
}
