import "server-only";
import { db } from "@/lib/db/client";
// The support customer page (issue #6). Every read selects only the fields the page shows: the
// application's secret and token columns (C3) are never selected, so they can not reach page data.
import type { NotificationState, OnboardingStatus, StatusSource } from "@/lib/db/enums";
import { env } from "@/lib/env";
import type { JobTrackerFields } from "@/lib/jobs/types";
import { type CallsToday, callsToday } from "@/lib/linkedin/call-count";
import { activeHoldsOf, type DailyHold } from "@/lib/linkedin/daily-hold";
import type { IntegrationSummary } from "./overview";
import { DEFAULT_PAGE_SIZE, type Page, pagedRows, SECTION_PAGE_SIZE, orderedPage } from "@/lib/pagination/page";
import { SECRET_ROLL_COLUMNS, type SecretRollFields } from "./secret-rolls";
import { join, sql } from "./sql";

export type CustomerSummary = {
  id: string;
  displayName: string;
  foreignId: string;
  archivedAt: Date | null;
  offeredIntegrationTypes: string[];
  /** Nudge emails to the customer's admins (issue 14). */
  emailNudges: boolean;
  /** L30: Apply Connect's account-level Easy Apply toggle, as the customer's admins set it. */
  linkedInEasyApply: boolean;
  linkedInEasyApplyChangedAt: Date | null;
  application:
    | ({
        clientId: string;
        origin: string;
        lastVerifiedAt: Date | null;
        lastAuthError: string | null;
        lastAuthErrorAt: Date | null;
        rateLimitedUntil: Date | null;
      } & SecretRollFields)
    | null;
};

export async function customerSummary(customerId: string): Promise<CustomerSummary | null> {
  return db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      displayName: true,
      foreignId: true,
      archivedAt: true,
      offeredIntegrationTypes: true,
      emailNudges: true,
      linkedInEasyApply: true,
      linkedInEasyApplyChangedAt: true,
      application: {
        // Deliberately no clientSecretEnc, clientSecretHint or accessTokenEnc (C3).
        select: {
          clientId: true,
          origin: true,
          lastVerifiedAt: true,
          lastAuthError: true,
          lastAuthErrorAt: true,
          rateLimitedUntil: true,
          // A secret roll in flight (issue 20 item 7): its markers, never the stored answer.
          ...SECRET_ROLL_COLUMNS,
        },
      },
    },
  });
}

export type LinkedInUsage = CallsToday & {
  budget: number;
  rateLimitedUntil: Date | null;
  rateLimitedNow: boolean;
  /** Resources whose daily limit is spent: the application's calls to them wait until midnight UTC (C26, L17). */
  holds: DailyHold[];
};

/** Calls used today per endpoint against LINKEDIN_DAILY_CALL_BUDGET, and the 429 state (C26). */
export async function linkedInUsage(
  app: CustomerSummary["application"],
  now = new Date(),
): Promise<LinkedInUsage | null> {
  if (!app) return null;
  const [today, holds] = await Promise.all([callsToday(app.clientId, now), activeHoldsOf(app.clientId, now)]);
  const rateLimitedUntil = app.rateLimitedUntil;
  return {
    ...today,
    budget: env().LINKEDIN_DAILY_CALL_BUDGET,
    rateLimitedUntil,
    rateLimitedNow: rateLimitedUntil !== null && rateLimitedUntil > now,
    holds,
  };
}

export type HistoryEntry = {
  id: string;
  fromStatus: OnboardingStatus | null;
  toStatus: OnboardingStatus;
  source: StatusSource;
  createdAt: Date;
  notificationId: string | null;
  actorLabel: string | null;
};

export type CustomerIntegration = IntegrationSummary & {
  nameSyncAttempts: number;
  lastCheckedAt: Date | null;
  history: HistoryEntry[];
};

/** How many status changes per integration the page shows (newest first). */
export const HISTORY_PER_INTEGRATION = 10;

export async function customerIntegrations(
  customerId: string,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<CustomerIntegration>> {
  const found = await pagedRows(page, pageSize, (window) => [
    db.integration.findMany({
      where: { customerId },
      ...orderedPage({ statusChangedAt: "desc" }, "asc", window),
      select: {
        id: true,
        name: true,
        integrationType: true,
        tenantType: true,
        integrationContext: true,
        onboardingStatus: true,
        statusChangedAt: true,
        statusSource: true,
        nameSyncState: true,
        nameSyncError: true,
        nameSyncAttempts: true,
        configSyncState: true,
        configSyncError: true,
        lastCheckedAt: true,
      },
    }),
    db.integration.count({ where: { customerId } }),
  ]);
  const ids = found.rows.map((r) => r.id);
  // The newest changes of each integration on this page in one query (served by integrationId+createdAt).
  const history = ids.length
    ? await db.$queryRaw<(HistoryEntry & { integrationId: string })[]>(sql`
        SELECT h."id", h."integrationId", h."fromStatus"::text AS "fromStatus", h."toStatus"::text AS "toStatus",
               h."source"::text AS "source", h."createdAt", h."notificationId", u."email" AS "actorLabel"
        FROM (
          SELECT sc.*, row_number() OVER (PARTITION BY sc."integrationId" ORDER BY sc."createdAt" DESC, sc."id" DESC) AS rn
          FROM "IntegrationStatusChange" sc
          WHERE sc."integrationId" IN (${join(ids)})
        ) h
        LEFT JOIN "User" u ON u."id" = h."actorId"
        WHERE h.rn <= ${HISTORY_PER_INTEGRATION}
        ORDER BY h."createdAt" DESC, h."id" DESC`)
    : [];
  const byIntegration = new Map<string, HistoryEntry[]>();
  for (const { integrationId, ...entry } of history) {
    const list = byIntegration.get(integrationId) ?? [];
    list.push(entry);
    byIntegration.set(integrationId, list);
  }
  return { ...found, rows: found.rows.map((r) => ({ ...r, history: byIntegration.get(r.id) ?? [] })) };
}

export type CustomerJob = JobTrackerFields & {
  /** What the job did in plain words (e.g. the provisioning path taken, L5/L7); never a secret. */
  outcome: string | null;
  /** Who asked: a person's email, or "system:poll", "api-token:…" as recorded. */
  triggeredBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** Job.triggeredBy holds a user id for people; show their email instead. */
async function withTriggeredByLabels(rows: CustomerJob[]): Promise<CustomerJob[]> {
  const userIds = [...new Set(rows.map((r) => r.triggeredBy).filter((t): t is string => !!t && !t.includes(":")))];
  if (!userIds.length) return rows;
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => {
    const email = r.triggeredBy ? emails.get(r.triggeredBy) : undefined;
    return email ? { ...r, triggeredBy: email } : r;
  });
}

export async function customerJobs(
  customerId: string,
  page: number,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<CustomerJob>> {
  const found = await pagedRows(page, pageSize, (window) => [
    db.job.findMany({
      where: { customerId },
      ...orderedPage({ createdAt: "desc" }, "desc", window),
      select: {
        id: true,
        kind: true,
        status: true,
        attempts: true,
        maxAttempts: true,
        totalCount: true,
        succeededCount: true,
        failedCount: true,
        lastError: true,
        outcome: true,
        triggeredBy: true,
        createdAt: true,
        finishedAt: true,
      },
    }),
    db.job.count({ where: { customerId } }),
  ]);
  return { ...found, rows: await withTriggeredByLabels(found.rows) };
}

export type CustomerNotification = {
  id: string;
  linkedinId: string;
  type: string;
  receivedAt: Date;
  expiresAt: Date | null;
  signatureValid: boolean;
  processingState: NotificationState;
  attempts: number;
  lastError: string | null;
  processedAt: Date | null;
  appliedCount: number;
};

export async function customerNotifications(
  customerId: string,
  page: number,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<CustomerNotification>> {
  return pagedRows(page, pageSize, (window) => [
    db.notification.findMany({
      where: { customerId },
      ...orderedPage({ receivedAt: "desc" }, "desc", window),
      // rawBody is not selected: the page shows how the notification was judged, not its bytes.
      select: {
        id: true,
        linkedinId: true,
        type: true,
        receivedAt: true,
        expiresAt: true,
        signatureValid: true,
        processingState: true,
        attempts: true,
        lastError: true,
        processedAt: true,
        appliedCount: true,
      },
    }),
    db.notification.count({ where: { customerId } }),
  ]);
}
