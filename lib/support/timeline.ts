import "server-only";
// One customer's timeline (issue 22 point 4): audit entries, status changes, jobs, notifications, emails and
// onboarding flow steps in one list, newest first, so support answers "what happened" on one screen. One UNION ALL:
// each source reads its newest rows before the cursor through its (customerId, time) index — status changes through
// the customer's integrations and IntegrationStatusChange(integrationId, createdAt) — and the outer query keeps the
// page. Keyset paging on (at, id): a page stays put while new rows arrive. A new source is one more entry in SOURCES.
import { db } from "@/lib/db/client";
import { ISSUE_TYPE_LABELS, SUPPORT_ISSUE_TYPES } from "@/lib/issues/types";
import { FLOW_REASONS, FLOW_STEPS, flowStepText } from "@/lib/onboarding-flow/steps";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { empty, join, type Sql, sql } from "./sql";
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from "./timeline-kinds";

export const TIMELINE_PAGE_SIZE = 50;

export type TimelinePage = { rows: TimelineEntry[]; nextCursor: string | null };
type Position = { at: Date; id: string };

/** Each source's newest `limit` rows of the customer before `before` (as kind, id, at, title, detail). */
type Before = (at: Sql, id: Sql) => Sql;
const SOURCES: Record<TimelineKind, (customerId: string, before: Before, limit: number) => Sql> = {
  audit: (c, before, limit) => sql`
    SELECT 'audit' AS kind, a."id", a."createdAt" AS at, a."action" AS title, a."actorLabel" AS detail
    FROM "AuditLog" a WHERE a."customerId" = ${c} ${before(sql`a."createdAt"`, sql`a."id"`)}
    ORDER BY a."createdAt" DESC, a."id" DESC LIMIT ${limit}`,
  status: (c, before, limit) => sql`
    SELECT 'status' AS kind, sc."id", sc."createdAt" AS at,
           coalesce(sc."fromStatus"::text || ' → ', '') || sc."toStatus"::text AS title,
           coalesce(i."name", i."integrationType") || ' (' || i."integrationType" || '), by ' || sc."source"::text AS detail
    FROM "IntegrationStatusChange" sc JOIN "Integration" i ON i."id" = sc."integrationId"
    WHERE i."customerId" = ${c} ${before(sql`sc."createdAt"`, sql`sc."id"`)}
    ORDER BY sc."createdAt" DESC, sc."id" DESC LIMIT ${limit}`,
  job: (c, before, limit) => sql`
    SELECT 'job' AS kind, j."id", j."createdAt" AS at, j."kind"::text AS title,
           j."status"::text || coalesce(': ' || j."lastError", ': ' || j."outcome", '') AS detail
    FROM "Job" j WHERE j."customerId" = ${c} ${before(sql`j."createdAt"`, sql`j."id"`)}
    ORDER BY j."createdAt" DESC, j."id" DESC LIMIT ${limit}`,
  notification: (c, before, limit) => sql`
    SELECT 'notification' AS kind, n."id", n."receivedAt" AS at, n."type" AS title,
           n."processingState"::text || ', changed ' || n."appliedCount" || coalesce(': ' || n."lastError", '') AS detail
    FROM "Notification" n WHERE n."customerId" = ${c} ${before(sql`n."receivedAt"`, sql`n."id"`)}
    ORDER BY n."receivedAt" DESC, n."id" DESC LIMIT ${limit}`,
  email: (c, before, limit) => sql`
    SELECT 'email' AS kind, e."id", e."createdAt" AS at, e."template"::text AS title,
           e."status"::text || ' to ' || e."toAddress" || coalesce(': ' || e."lastError", '') AS detail
    FROM "Email" e WHERE e."customerId" = ${c} ${before(sql`e."createdAt"`, sql`e."id"`)}
    ORDER BY e."createdAt" DESC, e."id" DESC LIMIT ${limit}`,
  // Title and detail carry the step's codes; flowEntry words them.
  flow: (c, before, limit) => sql`
    SELECT 'flow' AS kind, f."id", f."at", f."step"::text AS title,
           f."outcome"::text || coalesce(':' || f."reason"::text, '') AS detail
    FROM "FlowStep" f WHERE f."customerId" = ${c} ${before(sql`f."at"`, sql`f."id"`)}
    ORDER BY f."at" DESC, f."id" DESC LIMIT ${limit}`,
  // A support issue (lib/issues) at its last change of state: opened, snoozed, resolved or reopened, and by whom. A
  // customer has few, read through SupportIssue(customerId, type).
  issue: (c, before, limit) => sql`
    SELECT 'issue' AS kind, s."id", s."changedAt" AS at, s."type"::text AS title,
           s."state"::text || ' by ' || s."changedBy" || ' (' || s."occurrences" || ' occurrence'
             || CASE WHEN s."occurrences" = 1 THEN '' ELSE 's' END || '): ' || s."detail" AS detail
    FROM "SupportIssue" s WHERE s."customerId" = ${c} ${before(sql`s."changedAt"`, sql`s."id"`)}
    ORDER BY s."changedAt" DESC, s."id" DESC LIMIT ${limit}`,
};

function readPosition(parts: string[]): Position | null {
  const [ms, id] = parts;
  if (!ms || !id || !/^\d{1,15}$/.test(ms)) return null;
  return { at: new Date(Number(ms)), id };
}

/** A flow step's words for support: "LinkedIn's script: failed — …". */
function flowEntry(entry: TimelineEntry): TimelineEntry {
  const [outcome, reason] = (entry.detail ?? "").split(":");
  const step = FLOW_STEPS.find((s) => s === entry.title);
  if (!step) return entry;
  const failed = outcome === "FAILED";
  const why = FLOW_REASONS.find((r) => r === reason) ?? null;
  return { ...entry, title: flowStepText(step, failed ? "FAILED" : "OK", why), detail: null };
}

/** A support issue's words for support: its type's label ("Widget cannot load"). */
function issueEntry(entry: TimelineEntry): TimelineEntry {
  const type = SUPPORT_ISSUE_TYPES.find((s) => s === entry.title);
  return type ? { ...entry, title: ISSUE_TYPE_LABELS[type] } : entry;
}

export async function customerTimeline(
  customerId: string,
  options: { kinds?: readonly TimelineKind[]; cursor?: string | null; pageSize?: number } = {},
): Promise<TimelinePage> {
  const pageSize = options.pageSize ?? TIMELINE_PAGE_SIZE;
  const kinds = options.kinds?.length ? options.kinds : TIMELINE_KINDS;
  const after = options.cursor ? decodeCursor(options.cursor, 2, readPosition) : null;
  const before = (at: Sql, id: Sql) => (after ? sql`AND (${at}, ${id}) < (${after.at}, ${after.id})` : empty);
  const parts = kinds.map((kind) => sql`(${SOURCES[kind](customerId, before, pageSize + 1)})`);
  const rows = await db.$queryRaw<TimelineEntry[]>(sql`
    SELECT * FROM (${join(parts, " UNION ALL ")}) t
    ORDER BY t.at DESC, t.id DESC LIMIT ${pageSize + 1}`);
  const page = rows
    .slice(0, pageSize)
    .map((r) => (r.kind === "flow" ? flowEntry(r) : r.kind === "issue" ? issueEntry(r) : r));
  const last = page[page.length - 1];
  const nextCursor = rows.length > pageSize && last ? encodeCursor([last.at.getTime(), last.id]) : null;
  return { rows: page, nextCursor };
}
