import "server-only";
// Staff change an issue by hand (issue 22 point 1): snooze it until a date, resolve it, reopen it. Each change says
// who made it on the issue (changedBy) and in the audit log, in one transaction; resolving and reopening tell the
// vendor like the automatic ones. "Until" is compared with the database's clock, like the snooze's lapse.
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { ISSUE_RETURNING, type IssueRow, issueEvents, NOW, resolveIssues } from "./lifecycle";

type Tx = Prisma.TransactionClient;
const sql = Prisma.sql;

const GONE = "This issue no longer exists; reload the issues page.";

async function lockedIssue(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<
    { id: string; type: IssueRow["type"]; state: IssueRow["state"]; customerId: string | null }[]
  >(
    sql`SELECT "id", "type"::text AS "type", "state"::text AS "state", "customerId" FROM "SupportIssue" WHERE "id" = ${id} FOR UPDATE`,
  );
  if (!row) throw new SafeError("not_found", GONE);
  return row;
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  issue: { id: string; type: string; customerId: string | null },
  details: Prisma.InputJsonObject = {},
) {
  await recordAudit(
    actor,
    {
      action,
      targetType: "SupportIssue",
      targetId: issue.id,
      customerId: issue.customerId,
      details: { type: issue.type, ...details },
    },
    tx,
  );
}

/** Hides the issue until `until` (after the database's now); it counts as open again from then. */
export async function snoozeIssue(actor: Actor, id: string, until: Date): Promise<{ message: string }> {
  return db.$transaction(async (tx) => {
    const issue = await lockedIssue(tx, id);
    if (issue.state === "RESOLVED")
      throw new SafeError("conflict", "This issue is resolved; reopen it before snoozing it.");
    const updated = await tx.$executeRaw(sql`
      UPDATE "SupportIssue" SET "state" = 'SNOOZED', "snoozedUntil" = ${until}, "changedBy" = ${actor.email}, "changedAt" = ${NOW}
      WHERE "id" = ${id} AND ${until} > ${NOW}`);
    if (updated === 0)
      throw new SafeError("bad_request", "Choose a time in the future.", { until: ["Choose a time in the future."] });
    await audit(tx, actor, "issue.snoozed", issue, { until: until.toISOString() });
    return { message: `Snoozed until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
}

/** Resolves the issue by hand: the vendor hears issue.resolved; it reopens if its cause is seen again. */
export async function resolveIssueByHand(actor: Actor, id: string): Promise<{ message: string }> {
  return db.$transaction(async (tx) => {
    const issue = await lockedIssue(tx, id);
    if (issue.state === "RESOLVED") return { message: "This issue was already resolved." };
    await resolveIssues(tx, { type: issue.type, id, by: actor.email });
    await audit(tx, actor, "issue.resolved", issue);
    return { message: "Resolved. It opens again if its cause is seen again." };
  });
}

/** Opens a resolved or snoozed issue again (an occurrence more when it had been resolved). */
export async function reopenIssue(actor: Actor, id: string): Promise<{ message: string }> {
  return db.$transaction(async (tx) => {
    const issue = await lockedIssue(tx, id);
    if (issue.state === "OPEN") return { message: "This issue is already open." };
    const rows = await tx.$queryRaw<IssueRow[]>(sql`
      UPDATE "SupportIssue" SET "state" = 'OPEN', "snoozedUntil" = NULL, "resolvedAt" = NULL,
        "occurrences" = "occurrences" + ${issue.state === "RESOLVED" ? 1 : 0}, "changedBy" = ${actor.email}, "changedAt" = ${NOW}
      WHERE "id" = ${id}
      ${ISSUE_RETURNING}`);
    if (issue.state === "RESOLVED") await issueEvents(tx, "issue.opened", rows);
    await audit(tx, actor, "issue.reopened", issue);
    return { message: "Reopened." };
  });
}
