// Issue 22 point 1: support issues with a lifecycle on real Postgres: occurrences upsert, a resolved issue reopens,
// it resolves itself when its cause clears, snoozes lapse by the database's clock (the row's time is moved, never
// slept on), staff changes are audited, and the vendor hears issue.opened / issue.resolved.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { openIssueNow, resolveIssuesNow, wakeSnoozedIssues } from "./lifecycle";
import { openIssueRecords, resolvedIssueRecords } from "./queries";
import { reopenIssue, resolveIssueByHand, snoozeIssue } from "./staff";

afterAll(disconnectDb);

const staff: Actor = { userId: `u-${randomUUID()}`, email: "support@example.test", role: "SUPPORT", customerId: null };

async function customer() {
  return createCustomerRow(`Issue test ${randomUUID()}`);
}

const issueOf = (id: string) => db.supportIssue.findUniqueOrThrow({ where: { id } });
const eventsOf = async (customerId: string) =>
  (await db.event.findMany({ where: { customerId, type: { startsWith: "issue." } }, orderBy: { id: "asc" } })).map(
    (e) => e.type,
  );

describe("support issue lifecycle (issue 22)", () => {
  it("opens once per subject and type; seeing it again counts an occurrence and moves last seen", async () => {
    const c = await customer();
    const first = await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: c.id, detail: "script failed" });
    expect(first.opened).toBe(true);
    const before = await issueOf(first.id);
    const again = await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: c.id, detail: "script failed again" });
    expect(again).toEqual({ id: first.id, opened: false });
    const quiet = await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: c.id, detail: "x", occurrence: false });
    expect(quiet.opened).toBe(false);
    const after = await issueOf(first.id);
    expect(after).toMatchObject({ state: "OPEN", occurrences: 2, detail: "x", firstSeenAt: before.firstSeenAt });
    expect(after.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before.lastSeenAt.getTime());
    // Another type for the same customer is another issue.
    const other = await openIssueNow({ type: "KEYS_REFUSED", customerId: c.id, detail: "401" });
    expect(other.id).not.toBe(first.id);
    expect(await eventsOf(c.id)).toEqual(["issue.opened", "issue.opened"]);
  });

  it("resolves itself when its cause clears and reopens, an occurrence more, when it comes back", async () => {
    const c = await customer();
    const { id } = await openIssueNow({ type: "KEYS_REFUSED", customerId: c.id, detail: "401", by: "system:test" });
    expect(await resolveIssuesNow({ type: "KEYS_REFUSED", customerId: c.id, by: "system:keys" })).toBe(1);
    expect(await issueOf(id)).toMatchObject({ state: "RESOLVED", changedBy: "system:keys" });
    expect((await issueOf(id)).resolvedAt).not.toBeNull();
    // Resolving what is resolved changes nothing and tells no one.
    expect(await resolveIssuesNow({ type: "KEYS_REFUSED", customerId: c.id })).toBe(0);
    const back = await openIssueNow({ type: "KEYS_REFUSED", customerId: c.id, detail: "401 again", occurrence: false });
    expect(back).toEqual({ id, opened: true });
    expect(await issueOf(id)).toMatchObject({ state: "OPEN", occurrences: 2, resolvedAt: null, detail: "401 again" });
    expect(await eventsOf(c.id)).toEqual(["issue.opened", "issue.resolved", "issue.opened"]);
    const resolved = await db.event.findFirstOrThrow({ where: { customerId: c.id, type: "issue.resolved" } });
    expect(resolved.data).toMatchObject({
      customer: { id: c.id, foreignId: c.foreignId },
      issue: { id, type: "KEYS_REFUSED", state: "RESOLVED", changedBy: "system:keys" },
    });
  });

  it("a snooze lasts until its time by the database's clock, then the issue is open again", async () => {
    const c = await customer();
    const { id } = await openIssueNow({ type: "STUCK_AT_STATUS", customerId: c.id, detail: "waiting" });
    const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS "now"`;
    const now = clock?.now ?? new Date(Number.NaN);
    await expect(snoozeIssue(staff, id, new Date(now.getTime() - 60_000))).rejects.toThrow(
      "Choose a time in the future.",
    );
    await snoozeIssue(staff, id, new Date(now.getTime() + 3_600_000));
    expect(await issueOf(id)).toMatchObject({ state: "SNOOZED", changedBy: staff.email });
    await wakeSnoozedIssues();
    expect((await issueOf(id)).state).toBe("SNOOZED");
    // The hour passes: the row's snooze is moved to a moment the database already passed.
    await db.$executeRaw`UPDATE "SupportIssue" SET "snoozedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "id" = ${id}`;
    expect(await wakeSnoozedIssues()).toBeGreaterThanOrEqual(1);
    expect(await issueOf(id)).toMatchObject({ state: "OPEN", snoozedUntil: null, changedBy: "system:snooze-lapsed" });
    const audit = await db.auditLog.findMany({ where: { targetId: id }, select: { action: true, actorLabel: true } });
    expect(audit).toEqual([{ action: "issue.snoozed", actorLabel: staff.email }]);
  });

  it("staff resolve and reopen by hand, audited, and the vendor hears both", async () => {
    const c = await customer();
    const { id } = await openIssueNow({ type: "SECRET_DUE", customerId: c.id, detail: "old secret" });
    await resolveIssueByHand(staff, id);
    expect(await issueOf(id)).toMatchObject({ state: "RESOLVED", changedBy: staff.email });
    await expect(snoozeIssue(staff, id, new Date(Date.now() + 86_400_000))).rejects.toThrow("reopen it before");
    await reopenIssue(staff, id);
    expect(await issueOf(id)).toMatchObject({ state: "OPEN", occurrences: 2, changedBy: staff.email });
    expect(await eventsOf(c.id)).toEqual(["issue.opened", "issue.resolved", "issue.opened"]);
    const audit = await db.auditLog.findMany({
      where: { targetId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["issue.resolved", "issue.reopened"]);
  });

  it("lists one customer's records when asked (the customer page's link), every customer's otherwise", async () => {
    const [a, b] = [await customer(), await customer()];
    await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: a.id, detail: "a" });
    await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: b.id, detail: "b" });
    await resolveIssuesNow({ type: "WIDGET_CANNOT_LOAD", customerId: b.id, by: "system:test" });
    const ofA = await openIssueRecords(1, a.id);
    expect(ofA.rows.map((r) => r.customerId)).toEqual([a.id]);
    expect((await resolvedIssueRecords(1, a.id)).total).toBe(0);
    expect((await resolvedIssueRecords(1, b.id)).rows.map((r) => r.detail)).toEqual(["b"]);
    expect((await openIssueRecords(1)).total).toBeGreaterThanOrEqual(1);
  });
});
