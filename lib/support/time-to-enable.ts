import "server-only";
// Time from REQUESTED to ENABLED (issue 14), overall and per customer, with the nudges (PARTNER_READY
// emails and reminders) that were sent before each integration became ENABLED, so the vendor can see
// whether nudges help. REQUESTED is when the integration was stored (the widget's tuple, C7); ENABLED
// is its history row (C18). Medians and p90 are computed by PostgreSQL (percentile_cont).
import { db } from "@/lib/db/client";
import { sql, toNumber } from "./sql";

export type TimeToEnable = {
  enabled: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Nudges sent before ENABLED, summed over the enabled integrations. */
  nudgesBeforeEnabled: number;
};
export type CustomerTimeToEnable = TimeToEnable & { customerId: string; customerName: string };

const PER_INTEGRATION = sql`
  WITH per AS (
    SELECT i."id", i."customerId",
           extract(epoch FROM (sc."createdAt" - i."createdAt")) / 3600.0 AS hours,
           (SELECT count(*) FROM "Email" m
             WHERE m."integrationId" = i."id" AND m."template" IN ('PARTNER_READY', 'PARTNER_READY_REMINDER')
               AND m."status" = 'SENT' AND m."sentAt" < sc."createdAt") AS nudges
    FROM "Integration" i
    JOIN "IntegrationStatusChange" sc ON sc."integrationId" = i."id" AND sc."toStatus" = 'ENABLED'
  )`;

type Row = { enabled: bigint; median: number | null; p90: number | null; nudges: bigint | null };
const AGGREGATES = sql`count(*) AS enabled,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90,
  coalesce(sum(nudges), 0)::bigint AS nudges`;

function figures(r: Row | undefined): TimeToEnable {
  const round = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
  return {
    enabled: toNumber(r?.enabled),
    medianHours: round(r?.median),
    p90Hours: round(r?.p90),
    nudgesBeforeEnabled: toNumber(r?.nudges ?? 0n),
  };
}

export async function timeToEnableOverall(): Promise<TimeToEnable> {
  const rows = await db.$queryRaw<Row[]>(sql`${PER_INTEGRATION} SELECT ${AGGREGATES} FROM per`);
  return figures(rows[0]);
}

/** The customers slowest to enable (by median), at most `limit`. */
export async function timeToEnableByCustomer(limit = 20): Promise<CustomerTimeToEnable[]> {
  const rows = await db.$queryRaw<(Row & { customerId: string; customerName: string })[]>(sql`
    ${PER_INTEGRATION}
    SELECT per."customerId", c."displayName" AS "customerName", ${AGGREGATES}
    FROM per JOIN "Customer" c ON c."id" = per."customerId"
    GROUP BY per."customerId", c."displayName"
    ORDER BY median DESC, per."customerId" LIMIT ${limit}`);
  return rows.map((r) => ({ customerId: r.customerId, customerName: r.customerName, ...figures(r) }));
}

export async function timeToEnableOfCustomer(customerId: string): Promise<TimeToEnable> {
  const rows = await db.$queryRaw<Row[]>(
    sql`${PER_INTEGRATION} SELECT ${AGGREGATES} FROM per WHERE per."customerId" = ${customerId}`,
  );
  return figures(rows[0]);
}
