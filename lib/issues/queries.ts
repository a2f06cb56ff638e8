import "server-only";
// The console's lists of support issues (issue 22 point 1), paged in SQL and served by the (state, lastSeenAt DESC)
// index. A snooze that has lapsed by the database's clock reads as open, whether or not the detector woke it yet.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SupportIssueType } from "@/lib/db/enums";
import { type Page, pagedRows, SECTION_PAGE_SIZE } from "@/lib/pagination/page";

const sql = Prisma.sql;

export type IssueRecord = {
  id: string;
  type: SupportIssueType;
  /** OPEN, SNOOZED (until snoozedUntil, still ahead) or RESOLVED. */
  state: "OPEN" | "SNOOZED" | "RESOLVED";
  detail: string;
  customerId: string | null;
  customerName: string | null;
  integrationId: string | null;
  integrationName: string | null;
  webhookEndpointId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  occurrences: number;
  snoozedUntil: Date | null;
  resolvedAt: Date | null;
  changedBy: string;
  changedAt: Date;
};

async function issuePage(
  states: Prisma.Sql,
  customerId: string | null,
  page: number,
  pageSize: number,
): Promise<Page<IssueRecord>> {
  // One customer's records (the customer page's link) are served by the (customerId, type) index.
  const where = sql`WHERE s."state" IN (${states}) ${customerId === null ? Prisma.empty : sql`AND s."customerId" = ${customerId}`}`;
  return pagedRows(page, pageSize, ({ limit, offset }) => [
    db.$queryRaw<IssueRecord[]>(sql`
      SELECT s."id", s."type"::text AS "type",
             (CASE WHEN s."state" = 'SNOOZED' AND s."snoozedUntil" <= (now() AT TIME ZONE 'UTC') THEN 'OPEN'
                   ELSE s."state"::text END) AS "state",
             s."detail", s."customerId", c."displayName" AS "customerName", s."integrationId",
             i."name" AS "integrationName", s."webhookEndpointId", s."firstSeenAt", s."lastSeenAt", s."occurrences",
             s."snoozedUntil", s."resolvedAt", s."changedBy", s."changedAt"
      FROM "SupportIssue" s
        LEFT JOIN "Customer" c ON c."id" = s."customerId"
        LEFT JOIN "Integration" i ON i."id" = s."integrationId"
      ${where}
      ORDER BY s."lastSeenAt" DESC, s."id" DESC LIMIT ${limit} OFFSET ${offset}`),
    db
      .$queryRaw<{ n: bigint }[]>(sql`SELECT count(*) AS n FROM "SupportIssue" s ${where}`)
      .then((r) => Number(r[0]?.n ?? 0)),
  ]);
}

/** Issues that are open or snoozed, last seen first; of one customer when `customerId` is not null. */
export function openIssueRecords(
  page: number,
  customerId: string | null = null,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<IssueRecord>> {
  return issuePage(sql`'OPEN', 'SNOOZED'`, customerId, page, pageSize);
}

/** Resolved issues, last seen first (staff may reopen one); of one customer when `customerId` is not null. */
export function resolvedIssueRecords(
  page: number,
  customerId: string | null = null,
  pageSize = SECTION_PAGE_SIZE,
): Promise<Page<IssueRecord>> {
  return issuePage(sql`'RESOLVED'`, customerId, page, pageSize);
}
