import "server-only";
// Issue 22: the detector's bulk form of openIssue (./lifecycle.ts): many subjects of one type whose cause holds, in
// three statements whatever their number, so a pass over thousands of customers stays within one short transaction
// per chunk. Open or snoozed ones: last seen and detail move (no occurrence, the cause only still holds). Unknown
// ones: inserted OPEN. Resolved ones: reopened, an occurrence more. The vendor hears issue.opened for the last two.
import { Prisma } from "@/lib/db/generated/client";
import type { SupportIssueType } from "@/lib/db/enums";
import { ISSUE_RETURNING, type IssueRow, issueEvents, NOW } from "./lifecycle";
import { type IssueSubject, subjectKeyOf } from "./types";

const sql = Prisma.sql;

export type ObservedCause = IssueSubject & { detail: string };

/** Answers how many issues opened or reopened. */
export async function observeIssues(
  tx: Prisma.TransactionClient,
  type: SupportIssueType,
  causes: ObservedCause[],
  by: string,
): Promise<number> {
  if (causes.length === 0) return 0;
  const keys = causes.map((c) => subjectKeyOf(c));
  const details = causes.map((c) => c.detail);
  const input = sql`unnest(${keys}::text[], ${details}::text[]) AS u("observedKey", "observedDetail")`;
  const ofType = sql`s."type" = ${type}::"SupportIssueType"`;
  await tx.$executeRaw(sql`
    UPDATE "SupportIssue" s SET "lastSeenAt" = ${NOW}, "detail" = u."observedDetail" FROM ${input}
    WHERE ${ofType} AND s."subjectKey" = u."observedKey" AND s."state" <> 'RESOLVED'`);
  const reopened = await tx.$queryRaw<IssueRow[]>(sql`
    UPDATE "SupportIssue" s SET "lastSeenAt" = ${NOW}, "detail" = u."observedDetail", "state" = 'OPEN', "resolvedAt" = NULL,
      "snoozedUntil" = NULL, "occurrences" = s."occurrences" + 1, "changedBy" = ${by}, "changedAt" = ${NOW}
    FROM ${input}
    WHERE ${ofType} AND s."subjectKey" = u."observedKey" AND s."state" = 'RESOLVED'
    ${ISSUE_RETURNING}`);
  const inserted = await tx.$queryRaw<IssueRow[]>(sql`
    INSERT INTO "SupportIssue" ("id", "type", "subjectKey", "customerId", "integrationId", "webhookEndpointId", "detail",
      "state", "firstSeenAt", "lastSeenAt", "occurrences", "changedBy", "changedAt", "createdAt")
    SELECT 'si_' || replace(gen_random_uuid()::text, '-', ''), ${type}::"SupportIssueType", u."key", u."customerId",
      u."integrationId", u."webhookEndpointId", u."detail", 'OPEN', ${NOW}, ${NOW}, 1, ${by}, ${NOW}, ${NOW}
    FROM unnest(${keys}::text[], ${causes.map((c) => c.customerId ?? null)}::text[],
      ${causes.map((c) => c.integrationId ?? null)}::text[], ${causes.map((c) => c.webhookEndpointId ?? null)}::text[],
      ${details}::text[]) AS u("key", "customerId", "integrationId", "webhookEndpointId", "detail")
    ON CONFLICT ("type", "subjectKey") DO NOTHING
    ${ISSUE_RETURNING}`);
  const opened = [...reopened, ...inserted];
  await issueEvents(tx, "issue.opened", opened);
  return opened.length;
}
