import "server-only";
// The issues view's "held until midnight UTC" list (C26, L17): customer applications whose daily limit on
// a resource is spent, so their calls to it wait for LinkedIn's reset. Nothing to do but know: the jobs
// that hit the hold were queued again for its end (lib/jobs/held.ts). Paged in SQL, soonest end first.
import { db } from "@/lib/db/client";
import { type Page, pagedRows, SECTION_PAGE_SIZE } from "@/lib/pagination/page";
import { countRows, sql } from "./sql";

export type DailyHoldIssue = {
  customerId: string;
  customerName: string;
  clientId: string;
  resource: string;
  heldUntil: Date;
  detectedBy: string;
  since: Date;
};

const ACTIVE_HOLDS = sql`
  FROM "LinkedInDailyHold" h
  JOIN "CustomerApplication" a ON a."clientId" = h."clientId"
  JOIN "Customer" c ON c."id" = a."customerId" AND c."archivedAt" IS NULL
  WHERE h."heldUntil" > (now() AT TIME ZONE 'UTC')`;

export async function dailyLimitHolds(page: number, pageSize = SECTION_PAGE_SIZE): Promise<Page<DailyHoldIssue>> {
  return pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<DailyHoldIssue[]>(sql`
      SELECT c."id" AS "customerId", c."displayName" AS "customerName", h."clientId", h."resource", h."heldUntil",
             h."detectedBy", h."createdAt" AS "since"
      ${ACTIVE_HOLDS}
      ORDER BY h."heldUntil" ASC, c."id" ASC LIMIT ${limit} OFFSET ${offset}`),
    countRows(sql`SELECT count(*) AS n ${ACTIVE_HOLDS}`),
  ]);
}
