import "server-only";
import { db } from "@/lib/db/client";
// The support overview (issue #6): customers by onboarding stage, the funnel, what changed in the last
// 24 hours and the integration list, all under one filter and all aggregated and paged in SQL.
import type { OnboardingStatus, StatusSource } from "@/lib/db/enums";
import type { Integration } from "@/lib/db/generated/client";
import { DEFAULT_PAGE_SIZE, type Page, pagedRows, SECTION_PAGE_SIZE } from "@/lib/pagination/page";
import { ONBOARDING_WORDS } from "@/lib/status/vocabulary";
import { hasIntegrationFilter, type IntegrationFilter } from "./filters";
import {
  andAll,
  countRows,
  customerConditions,
  INTEGRATION_HAS_ERRORS,
  integrationConditions,
  sql,
  toNumber,
  whereAll,
} from "./sql";

/**
 * A customer's stage is the least advanced status among its (matching) integrations: it says what the
 * customer still waits for. "None requested" = no integration yet. "With errors" overlaps the stages.
 */
export type StageCounts = {
  customers: number;
  noneRequested: number;
  requested: number;
  partnerReady: number;
  enabled: number;
  withErrors: number;
};

export type FunnelStep = { key: string; label: string; count: number };

export async function stageCounts(filter: IntegrationFilter): Promise<StageCounts> {
  const onlyMatching = hasIntegrationFilter(filter);
  // With an integration filter, a customer without a matching integration is not part of the answer
  // (otherwise "status = ENABLED" would list every other customer as "none requested").
  const rows = await db.$queryRaw<
    {
      customers: bigint;
      none: bigint;
      requested: bigint;
      partner_ready: bigint;
      enabled: bigint;
      with_errors: bigint;
    }[]
  >(sql`
    WITH per_customer AS (
      SELECT c."id",
             min(i."onboardingStatus") AS stage,
             bool_or(i."id" IS NOT NULL AND ${INTEGRATION_HAS_ERRORS}) OR bool_or(a."lastAuthError" IS NOT NULL) AS has_errors
      FROM "Customer" c
      LEFT JOIN "CustomerApplication" a ON a."customerId" = c."id"
      LEFT JOIN "Integration" i ON i."customerId" = c."id" ${andAll(integrationConditions(filter))}
      ${whereAll(customerConditions(filter))}
      GROUP BY c."id"
      ${onlyMatching ? sql`HAVING count(i."id") > 0` : sql``}
    )
    SELECT count(*) AS customers,
           count(*) FILTER (WHERE stage IS NULL) AS none,
           count(*) FILTER (WHERE stage = 'REQUESTED') AS requested,
           count(*) FILTER (WHERE stage = 'PARTNER_READY') AS partner_ready,
           count(*) FILTER (WHERE stage = 'ENABLED') AS enabled,
           count(*) FILTER (WHERE has_errors) AS with_errors
    FROM per_customer`);
  const r = rows[0];
  return {
    customers: toNumber(r?.customers),
    noneRequested: toNumber(r?.none),
    requested: toNumber(r?.requested),
    partnerReady: toNumber(r?.partner_ready),
    enabled: toNumber(r?.enabled),
    withErrors: toNumber(r?.with_errors),
  };
}

/** Cumulative: each step counts the customers that got at least that far (C18's order). */
export function funnelSteps(c: StageCounts): FunnelStep[] {
  return [
    { key: "customers", label: "Customers", count: c.customers },
    {
      key: "requested",
      label: `${ONBOARDING_WORDS.REQUESTED.label} integrations`,
      count: c.requested + c.partnerReady + c.enabled,
    },
    {
      key: "partner-ready",
      label: `${ONBOARDING_WORDS.PARTNER_READY.label} or further`,
      count: c.partnerReady + c.enabled,
    },
    { key: "enabled", label: ONBOARDING_WORDS.ENABLED.label, count: c.enabled },
  ];
}

/** The integration fields every console list shows (overview, customer page). */
export type IntegrationSummary = Pick<
  Integration,
  | "id"
  | "name"
  | "integrationType"
  | "tenantType"
  | "integrationContext"
  | "onboardingStatus"
  | "statusChangedAt"
  | "statusSource"
  | "nameSyncState"
  | "nameSyncError"
  | "configSyncState"
  | "configSyncError"
>;

export type IntegrationRow = IntegrationSummary & {
  customerId: string;
  customerName: string;
  customerForeignId: string;
  keysRefused: boolean;
};

const INTEGRATION_COLUMNS = sql`
  i."id", i."name", i."integrationType", i."tenantType", i."integrationContext", i."onboardingStatus"::text AS "onboardingStatus",
  i."statusChangedAt", i."statusSource"::text AS "statusSource", i."nameSyncState"::text AS "nameSyncState", i."nameSyncError",
  i."configSyncState"::text AS "configSyncState", i."configSyncError", c."id" AS "customerId", c."displayName" AS "customerName",
  c."foreignId" AS "customerForeignId", (a."lastAuthError" IS NOT NULL) AS "keysRefused"`;

const INTEGRATION_FROM = sql`
  FROM "Integration" i
  JOIN "Customer" c ON c."id" = i."customerId"
  LEFT JOIN "CustomerApplication" a ON a."customerId" = c."id"`;

function integrationWhere(filter: IntegrationFilter) {
  return whereAll([...customerConditions(filter), ...integrationConditions(filter)]);
}

/** The filtered integration list, most recently changed first. */
export async function listIntegrations(
  filter: IntegrationFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<IntegrationRow>> {
  const where = integrationWhere(filter);
  return pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<IntegrationRow[]>(sql`
      SELECT ${INTEGRATION_COLUMNS} ${INTEGRATION_FROM} ${where}
      ORDER BY i."statusChangedAt" DESC, i."id" DESC
      LIMIT ${limit} OFFSET ${offset}`),
    countRows(sql`SELECT count(*) AS n ${INTEGRATION_FROM} ${where}`),
  ]);
}

/**
 * The same list in id order, in batches (keyset on id, never OFFSET), for the streamed CSV export:
 * memory stays flat however many integrations match.
 */
export async function* integrationBatches(
  filter: IntegrationFilter,
  batchSize = 1000,
): AsyncGenerator<IntegrationRow[]> {
  let after: string | null = null;
  for (;;) {
    const parts = [...customerConditions(filter), ...integrationConditions(filter)];
    if (after !== null) parts.push(sql`i."id" > ${after}`);
    const rows: IntegrationRow[] = await db.$queryRaw<IntegrationRow[]>(sql`
      SELECT ${INTEGRATION_COLUMNS} ${INTEGRATION_FROM} ${whereAll(parts)}
      ORDER BY i."id" LIMIT ${batchSize}`);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows.at(-1);
    if (!last) return;
    after = last.id;
  }
}

export type StatusChangeRow = {
  id: string;
  createdAt: Date;
  fromStatus: OnboardingStatus | null;
  toStatus: OnboardingStatus;
  source: StatusSource;
  integrationId: string;
  integrationName: string;
  integrationType: string;
  customerId: string;
  customerName: string;
};

export type RecentChanges = Page<StatusChangeRow> & { since: Date; byStatus: Record<OnboardingStatus, number> };

/** Status changes of matching integrations in the last 24 hours (served by the createdAt index). */
export async function recentChanges(
  filter: IntegrationFilter,
  page: number,
  now = new Date(),
  pageSize = SECTION_PAGE_SIZE,
): Promise<RecentChanges> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const where = whereAll([
    sql`sc."createdAt" >= ${since}`,
    ...customerConditions(filter),
    ...integrationConditions(filter),
  ]);
  const from = sql`
    FROM "IntegrationStatusChange" sc
    JOIN "Integration" i ON i."id" = sc."integrationId"
    JOIN "Customer" c ON c."id" = i."customerId"
    LEFT JOIN "CustomerApplication" a ON a."customerId" = c."id"`;
  const byStatus: Record<OnboardingStatus, number> = { REQUESTED: 0, PARTNER_READY: 0, ENABLED: 0 };
  // The total is the sum of the per-status counts, so one grouped count serves both.
  const found = await pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<StatusChangeRow[]>(sql`
      SELECT sc."id", sc."createdAt", sc."fromStatus"::text AS "fromStatus", sc."toStatus"::text AS "toStatus",
             sc."source"::text AS "source", i."id" AS "integrationId", i."name" AS "integrationName",
             i."integrationType", c."id" AS "customerId", c."displayName" AS "customerName"
      ${from} ${where}
      ORDER BY sc."createdAt" DESC, sc."id" DESC
      LIMIT ${limit} OFFSET ${offset}`),
    db
      .$queryRaw<{ to_status: OnboardingStatus; n: bigint }[]>(sql`
      SELECT sc."toStatus"::text AS to_status, count(*) AS n ${from} ${where} GROUP BY sc."toStatus"`)
      .then((counts) => {
        let total = 0;
        for (const c of counts) {
          byStatus[c.to_status] = toNumber(c.n);
          total += toNumber(c.n);
        }
        return total;
      }),
  ]);
  return { ...found, since, byStatus };
}

/** Integration types present in the data, for the filter's choices. */
export async function knownIntegrationTypes(): Promise<string[]> {
  const rows = await db.$queryRaw<{ t: string }[]>(
    sql`SELECT DISTINCT "integrationType" AS t FROM "Integration" ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}
