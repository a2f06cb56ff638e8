import "server-only";
import { db } from "@/lib/db/client";
// The issues view (issue #6): everything that needs a person, each list paged in SQL. An item leaves
// the list when the action that resolves it has been taken (a retried job, a resolved anomaly, a
// notification that processed, keys that work again, an integration that moved on).
import type { JobKind, NotificationState, OnboardingStatus } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";
import { mapRows, type Page, pagedRows, SECTION_PAGE_SIZE, orderedPage } from "@/lib/pagination/page";

import { countRows, type Sql, sql } from "./sql";

export const STUCK_SETTING_KEY = "stuckAfterHours";

/**
 * Hours after which a REQUESTED or PARTNER_READY integration counts as stuck: the operator's Setting
 * "stuckAfterHours" (a number, or {"hours": n}) when present and valid, else STUCK_AFTER_HOURS.
 */
export async function stuckAfterHours(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: STUCK_SETTING_KEY }, select: { value: true } });
  const v = row?.value;
  const raw = typeof v === "object" && v !== null && !Array.isArray(v) && "hours" in v ? v.hours : v;
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : env().STUCK_AFTER_HOURS;
}

export type FailedJobIssue = {
  id: string;
  kind: JobKind;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  finishedAt: Date | null;
  createdAt: Date;
  customerId: string | null;
  customerName: string | null;
};

/** Jobs FAILED after their last attempt that nobody has retried yet (retryFailedJob audits "job.retried"). */
const FAILED_JOBS_WHERE = sql`
  WHERE j."status" = 'FAILED'
    AND NOT EXISTS (SELECT 1 FROM "AuditLog" al WHERE al."action" = 'job.retried' AND al."targetId" = j."id")`;

export async function failedJobs(page: number, pageSize = SECTION_PAGE_SIZE): Promise<Page<FailedJobIssue>> {
  return pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<FailedJobIssue[]>(sql`
      SELECT j."id", j."kind"::text AS "kind", j."attempts", j."maxAttempts", j."lastError", j."finishedAt", j."createdAt",
             j."customerId", c."displayName" AS "customerName"
      FROM "Job" j LEFT JOIN "Customer" c ON c."id" = j."customerId"
      ${FAILED_JOBS_WHERE}
      ORDER BY j."createdAt" DESC, j."id" DESC LIMIT ${limit} OFFSET ${offset}`),
    countRows(sql`SELECT count(*) AS n FROM "Job" j ${FAILED_JOBS_WHERE}`),
  ]);
}

/** The columns both application issues show: never the secret or token columns (C3). */
const APPLICATION_COLUMNS = { customerId: true, clientId: true, customer: { select: { displayName: true } } } as const;

export type KeyFailureIssue = {
  customerId: string;
  customerName: string;
  clientId: string;
  lastAuthError: string;
  lastAuthErrorAt: Date | null;
};

export async function keyFailures(page: number, pageSize = SECTION_PAGE_SIZE): Promise<Page<KeyFailureIssue>> {
  const where = { lastAuthError: { not: null }, customer: { archivedAt: null } } as const;
  const found = await pagedRows(page, pageSize, (window) => [
    db.customerApplication.findMany({
      where,
      ...orderedPage({ lastAuthErrorAt: "desc" }, "asc", window),
      // Never the secret or token columns (C3).
      select: { ...APPLICATION_COLUMNS, lastAuthError: true, lastAuthErrorAt: true },
    }),
    db.customerApplication.count({ where }),
  ]);
  return mapRows(found, ({ customer, lastAuthError, ...r }) => ({
    ...r,
    customerName: customer.displayName,
    lastAuthError: lastAuthError ?? "",
  }));
}

export type OldSecretIssue = {
  customerId: string;
  customerName: string;
  clientId: string;
  secretSetAt: Date;
  provisioned: boolean;
};

/** L7: secrets older than the rotation policy (LINKEDIN_SECRET_MAX_AGE_DAYS; LinkedIn advises 60–90 days), oldest first. */
export async function oldSecrets(
  maxAgeDays: number,
  page: number,
  now = new Date(),
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<OldSecretIssue>> {
  const where = {
    secretSetAt: { lt: new Date(now.getTime() - maxAgeDays * 86_400_000) },
    customer: { archivedAt: null },
  } as const;
  const found = await pagedRows(page, pageSize, (window) => [
    db.customerApplication.findMany({
      where,
      ...orderedPage({ secretSetAt: "asc" }, "asc", window),
      // Never the secret or token columns (C3).
      select: { ...APPLICATION_COLUMNS, secretSetAt: true, origin: true },
    }),
    db.customerApplication.count({ where }),
  ]);
  return mapRows(found, ({ customer, origin, ...r }) => ({
    ...r,
    customerName: customer.displayName,
    provisioned: origin === "PROVISIONED",
  }));
}

export type StuckIntegrationIssue = {
  id: string;
  name: string;
  integrationType: string;
  onboardingStatus: OnboardingStatus;
  statusChangedAt: Date;
  lastCheckedAt: Date | null;
  customerId: string;
  customerName: string;
};

/** Longest-waiting first; served by the (onboardingStatus, statusChangedAt) index. */
export async function stuckIntegrations(
  hours: number,
  page: number,
  now = new Date(),
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<StuckIntegrationIssue>> {
  const cutoff = new Date(now.getTime() - hours * 60 * 60 * 1000);
  const where = sql`
    WHERE i."onboardingStatus" IN ('REQUESTED', 'PARTNER_READY') AND i."statusChangedAt" < ${cutoff} AND c."archivedAt" IS NULL`;
  return integrationIssuePage<StuckIntegrationIssue>(
    sql`i."statusChangedAt", i."lastCheckedAt"`,
    where,
    sql`i."statusChangedAt" ASC, i."id" ASC`,
    page,
    pageSize,
  );
}

/** One page of integrations matching `where` (over i = Integration, c = Customer) with the common columns plus `columns`. */
async function integrationIssuePage<T>(
  columns: Sql,
  where: Sql,
  orderBy: Sql,
  page: number,
  pageSize: number,
): Promise<Page<T>> {
  return pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<T[]>(sql`
      SELECT i."id", i."name", i."integrationType", i."onboardingStatus"::text AS "onboardingStatus", ${columns},
             c."id" AS "customerId", c."displayName" AS "customerName"
      FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId"
      ${where}
      ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`),
    countRows(sql`SELECT count(*) AS n FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId" ${where}`),
  ]);
}

export type UnknownTypeIssue = {
  id: string;
  name: string;
  integrationType: string;
  tenantType: string;
  integrationContext: string;
  onboardingStatus: OnboardingStatus;
  createdAt: Date;
  customerId: string;
  customerName: string;
};

/**
 * Integrations of a type Onramp does not know yet (L12: new types appear over time, e.g. the CRM
 * bundle's CRM_* types). They are stored, named generically and synced; support sees them here until
 * Onramp's vocabulary (lib/integrations/types.ts) learns the type. Newest first.
 */
export async function unknownTypeIntegrations(
  page: number,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<UnknownTypeIssue>> {
  const where = sql`WHERE i."integrationType" <> ALL(${[...INTEGRATION_TYPES]}::text[]) AND c."archivedAt" IS NULL`;
  return integrationIssuePage<UnknownTypeIssue>(
    sql`i."tenantType", i."integrationContext", i."createdAt"`,
    where,
    sql`i."createdAt" DESC, i."id" DESC`,
    page,
    pageSize,
  );
}

export type AnomalyIssue = {
  id: string;
  kind: string;
  message: string;
  createdAt: Date;
  notificationId: string | null;
  customerId: string;
  customerName: string;
};

export async function openAnomalies(page: number, pageSize = SECTION_PAGE_SIZE): Promise<Page<AnomalyIssue>> {
  const where = { resolvedAt: null };
  const found = await pagedRows(page, pageSize, (window) => [
    db.anomaly.findMany({
      where,
      ...orderedPage({ createdAt: "desc" }, "desc", window),
      select: {
        id: true,
        kind: true,
        message: true,
        createdAt: true,
        notificationId: true,
        customerId: true,
        customer: { select: { displayName: true } },
      },
    }),
    db.anomaly.count({ where }),
  ]);
  return mapRows(found, ({ customer, ...r }) => ({ ...r, customerName: customer.displayName }));
}

export type FailedNotificationIssue = {
  id: string;
  linkedinId: string;
  type: string;
  processingState: NotificationState;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  customerId: string;
  customerName: string;
};

/** Notifications whose processing failed after every attempt (served by processingState+receivedAt). */
export async function failedNotifications(
  page: number,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<FailedNotificationIssue>> {
  const where = { processingState: "FAILED" } as const;
  const found = await pagedRows(page, pageSize, (window) => [
    db.notification.findMany({
      where,
      ...orderedPage({ receivedAt: "desc" }, "desc", window),
      select: {
        id: true,
        linkedinId: true,
        type: true,
        processingState: true,
        attempts: true,
        lastError: true,
        receivedAt: true,
        customerId: true,
        customer: { select: { displayName: true } },
      },
    }),
    db.notification.count({ where }),
  ]);
  return mapRows(found, ({ customer, ...r }) => ({ ...r, customerName: customer.displayName }));
}
