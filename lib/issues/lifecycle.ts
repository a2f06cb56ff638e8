import "server-only";
// Issue 22 point 1: support issues with a lifecycle. The cause's observer opens (or observes again) an issue and
// resolves it when the cause clears; staff snooze, reopen and resolve by hand. Every time is the database's now(),
// so a snooze lapses by the database's clock. Each function takes the transaction of the change that observed the
// cause, so the issue and its event (issue.opened / issue.resolved, lib/events) commit with it or not at all.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SupportIssueState, SupportIssueType } from "@/lib/db/enums";
import { emitEvents, type EventInput } from "@/lib/events/emit";
import { type IssueSubject, subjectKeyOf } from "./types";

type Tx = Prisma.TransactionClient;
const sql = Prisma.sql;
/** The database's clock, in the UTC wall time Prisma's DateTime columns hold. */
export const NOW = sql`(now() AT TIME ZONE 'UTC')`;

export type OpenIssueInput = IssueSubject & {
  type: SupportIssueType;
  detail: string;
  /** Who observed it: "system:<what>" or a person's email. */
  by?: string;
  /**
   * false for a pass that only confirms the cause still holds (the detector, every few minutes): last seen moves,
   * occurrences do not, unless the issue had been resolved and so comes back.
   */
  occurrence?: boolean;
};

export type IssueRow = {
  id: string;
  type: SupportIssueType;
  state: SupportIssueState;
  customerId: string | null;
  integrationId: string | null;
  detail: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  occurrences: number;
  changedBy: string;
};

export const ISSUE_RETURNING = sql`RETURNING "id", "type"::text AS "type", "state"::text AS "state", "customerId", "integrationId",
  "detail", "firstSeenAt", "lastSeenAt", "occurrences", "changedBy"`;

/** issue.opened / issue.resolved for each row, in `tx` (lib/events). */
export async function issueEvents(tx: Tx, type: "issue.opened" | "issue.resolved", rows: IssueRow[]): Promise<void> {
  if (rows.length === 0) return;
  const customers = await tx.customer.findMany({
    where: { id: { in: rows.flatMap((r) => (r.customerId ? [r.customerId] : [])) } },
    select: { id: true, foreignId: true },
  });
  const foreignId = new Map(customers.map((c) => [c.id, c.foreignId]));
  const events: EventInput[] = rows.map((r) => ({
    type,
    customerId: r.customerId,
    data: {
      customer: r.customerId ? { id: r.customerId, foreignId: foreignId.get(r.customerId) ?? null } : null,
      integrationId: r.integrationId,
      issue: {
        id: r.id,
        type: r.type,
        state: r.state,
        detail: r.detail,
        firstSeenAt: r.firstSeenAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        occurrences: r.occurrences,
        changedBy: r.changedBy,
      },
    },
  }));
  await emitEvents(tx, events);
}

/**
 * Opens the issue, or notes it again: a new one is OPEN with one occurrence; a RESOLVED one reopens (an occurrence
 * more); an OPEN or SNOOZED one moves its last seen (and counts an occurrence unless `occurrence` is false). The
 * vendor hears issue.opened when it opened or reopened. Answers the issue's id and whether it (re)opened.
 */
export async function openIssue(tx: Tx, input: OpenIssueInput): Promise<{ id: string; opened: boolean }> {
  const subjectKey = subjectKeyOf(input);
  const by = input.by ?? "system";
  const counts = input.occurrence === false ? 0 : 1;
  const inserted = await tx.$queryRaw<IssueRow[]>(sql`
    INSERT INTO "SupportIssue" ("id", "type", "subjectKey", "customerId", "integrationId", "webhookEndpointId", "detail",
      "state", "firstSeenAt", "lastSeenAt", "occurrences", "changedBy", "changedAt", "createdAt")
    VALUES (${`si_${randomUUID().replaceAll("-", "")}`}, ${input.type}::"SupportIssueType", ${subjectKey},
      ${input.customerId ?? null}, ${input.integrationId ?? null}, ${input.webhookEndpointId ?? null}, ${input.detail},
      'OPEN', ${NOW}, ${NOW}, 1, ${by}, ${NOW}, ${NOW})
    ON CONFLICT ("type", "subjectKey") DO NOTHING
    ${ISSUE_RETURNING}`);
  if (inserted[0]) {
    await issueEvents(tx, "issue.opened", inserted);
    return { id: inserted[0].id, opened: true };
  }
  // It exists: the row lock orders this with a concurrent resolve, so "was it resolved" is read once.
  const [before] = await tx.$queryRaw<{ id: string; state: SupportIssueState }[]>(sql`
    SELECT "id", "state"::text AS "state" FROM "SupportIssue"
    WHERE "type" = ${input.type}::"SupportIssueType" AND "subjectKey" = ${subjectKey} FOR UPDATE`);
  if (!before) throw new Error(`support issue ${input.type} ${subjectKey} vanished while it was noted`);
  const reopens = before.state === "RESOLVED";
  const rows = await tx.$queryRaw<IssueRow[]>(sql`
    UPDATE "SupportIssue" SET "detail" = ${input.detail}, "lastSeenAt" = ${NOW},
      "occurrences" = "occurrences" + ${reopens ? 1 : counts}
      ${reopens ? sql`, "state" = 'OPEN', "resolvedAt" = NULL, "snoozedUntil" = NULL, "changedBy" = ${by}, "changedAt" = ${NOW}` : Prisma.empty}
    WHERE "id" = ${before.id}
    ${ISSUE_RETURNING}`);
  if (reopens) await issueEvents(tx, "issue.opened", rows);
  return { id: before.id, opened: reopens };
}

export type ResolveIssuesInput = {
  type: SupportIssueType;
  /** One issue (staff resolving it by hand). */
  id?: string;
  customerId?: string;
  integrationId?: string;
  webhookEndpointId?: string;
  /** Only issues of these customers (a detector pass narrowed to them). */
  customerIds?: string[];
  /** All but these subjects (the detector: everything of the type whose cause is gone). */
  keepSubjectKeys?: string[];
  by?: string;
};

/**
 * Resolves the open or snoozed issues of `type` for the subject given (its cause cleared: keys accepted again, the
 * integration reached ENABLED, the endpoint delivers), each telling the vendor issue.resolved. Answers how many.
 */
export async function resolveIssues(tx: Tx, input: ResolveIssuesInput): Promise<number> {
  const where = [sql`"type" = ${input.type}::"SupportIssueType"`, sql`"state" <> 'RESOLVED'`];
  if (input.id) where.push(sql`"id" = ${input.id}`);
  if (input.customerId) where.push(sql`"customerId" = ${input.customerId}`);
  if (input.integrationId) where.push(sql`"integrationId" = ${input.integrationId}`);
  if (input.webhookEndpointId) where.push(sql`"webhookEndpointId" = ${input.webhookEndpointId}`);
  if (input.customerIds) where.push(sql`"customerId" = ANY(${input.customerIds}::text[])`);
  if (input.keepSubjectKeys) where.push(sql`NOT ("subjectKey" = ANY(${input.keepSubjectKeys}::text[]))`);
  const rows = await tx.$queryRaw<IssueRow[]>(sql`
    UPDATE "SupportIssue" SET "state" = 'RESOLVED', "resolvedAt" = ${NOW}, "snoozedUntil" = NULL,
      "changedBy" = ${input.by ?? "system"}, "changedAt" = ${NOW}
    WHERE ${Prisma.join(where, " AND ")}
    ${ISSUE_RETURNING}`);
  await issueEvents(tx, "issue.resolved", rows);
  return rows.length;
}

/** openIssue in its own transaction, for a caller that has none. */
export function openIssueNow(input: OpenIssueInput): Promise<{ id: string; opened: boolean }> {
  return db.$transaction((tx) => openIssue(tx, input));
}

/** resolveIssues in its own transaction, for a caller that has none. */
export function resolveIssuesNow(input: ResolveIssuesInput): Promise<number> {
  return db.$transaction((tx) => resolveIssues(tx, input));
}

/** Snoozes whose time has come (by the database's clock) are open again; answers how many woke. */
export async function wakeSnoozedIssues(): Promise<number> {
  return db.$executeRaw(sql`
    UPDATE "SupportIssue" SET "state" = 'OPEN', "snoozedUntil" = NULL, "changedBy" = 'system:snooze-lapsed', "changedAt" = ${NOW}
    WHERE "state" = 'SNOOZED' AND "snoozedUntil" <= ${NOW}`);
}
