import "server-only";
// The issues view's integrations held by two customers (issue 20): LinkedIn confirmed the same tuple for two
// customers' applications (C19b), so Onramp stored it for both instead of letting the first to arrive win.
// Support finds out which company owns the LinkedIn page or contract and detaches it from the other
// (lib/integrations/detach.ts). Grouped in SQL over the Integration tuple index; archived customers do not count.
import { db } from "@/lib/db/client";
import type { OnboardingStatus } from "@/lib/db/enums";
import { mapRows, type Page, pagedRows, SECTION_PAGE_SIZE } from "@/lib/pagination/page";
import { countRows, sql } from "./sql";

export type TupleHolder = {
  integrationId: string;
  customerId: string;
  customerName: string;
  onboardingStatus: OnboardingStatus;
  createdAt: Date;
};

export type TupleConflictIssue = {
  integrationContext: string;
  integrationType: string;
  tenantType: string;
  /** Every active customer holding the tuple, first stored first. */
  holders: TupleHolder[];
};

type Row = Omit<TupleConflictIssue, "holders"> & {
  holders: (Omit<TupleHolder, "createdAt"> & { createdAt: string })[];
};

// Two steps, so the costly part runs over the few doubled tuples only: first the tuples stored more than once at
// all, grouped over the tuple index's columns alone (no join, no JSON: one pass over 20,000 integrations in a few
// milliseconds); then, for those, the holders of active customers, two or more. Aggregating every tuple's holders
// into JSON before keeping the doubled ones made this the issues page's slowest list (the console bench).
const DOUBLED = sql`
  WITH doubled AS (
    SELECT "integrationContext", "integrationType", "tenantType", "dataProvider"
    FROM "Integration"
    GROUP BY "integrationContext", "integrationType", "tenantType", "dataProvider"
    HAVING count(*) > 1
  )`;

const HELD_BY_TWO = sql`
  FROM doubled d
  JOIN "Integration" i USING ("integrationContext", "integrationType", "tenantType", "dataProvider")
  JOIN "Customer" c ON c."id" = i."customerId" AND c."archivedAt" IS NULL
  GROUP BY i."integrationContext", i."integrationType", i."tenantType", i."dataProvider"
  HAVING count(*) > 1`;

/** Tuples two or more active customers hold, the most recently doubled first. */
export async function tupleConflicts(page: number, pageSize = SECTION_PAGE_SIZE): Promise<Page<TupleConflictIssue>> {
  const found = await pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<Row[]>(sql`
      ${DOUBLED}
      SELECT i."integrationContext", i."integrationType", i."tenantType",
             json_agg(json_build_object(
               'integrationId', i."id", 'customerId', c."id", 'customerName', c."displayName",
               'onboardingStatus', i."onboardingStatus",
               -- timestamp(3) holds UTC (Prisma); with its zone, JSON's text says so
               'createdAt', i."createdAt" AT TIME ZONE 'UTC'
             ) ORDER BY i."createdAt", i."id") AS "holders"
      ${HELD_BY_TWO}
      ORDER BY max(i."createdAt") DESC, i."integrationContext", i."integrationType", i."tenantType"
      LIMIT ${limit} OFFSET ${offset}`),
    countRows(sql`${DOUBLED} SELECT count(*) AS n FROM (SELECT 1 ${HELD_BY_TWO}) AS held`),
  ]);
  return mapRows(found, (r) => ({
    ...r,
    holders: r.holders.map((h) => ({ ...h, createdAt: new Date(h.createdAt) })),
  }));
}
