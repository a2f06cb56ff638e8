// Issue 22 point 2 against the running LinkedIn sandbox: the scheduled health check finds keys revoked in LinkedIn's
// developer portal and opens the "keys refused" issue with no sync having run; re-entering the keys resolves it. The
// interval passes by moving the row's last check back, never by waiting.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { sandboxAdmin } from "@/lib/notifications/test-support/fixtures";
import { setApplicationKeys } from "./application-keys";
import { runHealthChecks } from "./health-check";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const started = parentSandboxPerFile();
const admin = sandboxAdmin(() => started.sandbox.url);

/** The interval passes: the application's last check moves a day and an hour into the database's past. */
const dayPasses = (applicationId: string) =>
  db.$executeRaw`UPDATE "CustomerApplication" SET "healthCheckedAt" = (now() AT TIME ZONE 'UTC') - interval '25 hours' WHERE "id" = ${applicationId}`;

describe("health check (issue 22 point 2)", () => {
  it("finds keys revoked at LinkedIn before any sync, and re-entered keys resolve the issue", async () => {
    const clientId = `sbx-${randomUUID()}`;
    const clientSecret = `sbx-secret-${randomUUID()}`;
    await admin("POST", "/applications", { clientId, clientSecret });
    const app = await createTestApplication({ clientId, clientSecret });
    const only = { onlyApplicationIds: [app.id] };

    expect(await runHealthChecks(only)).toEqual({ checked: 1, refused: 0, unreachable: 0 });
    // Not due again within the interval.
    expect(await runHealthChecks(only)).toEqual({ checked: 0, refused: 0, unreachable: 0 });
    expect(await db.supportIssue.count({ where: { customerId: app.customerId } })).toBe(0);

    const revoked = await admin<{ clientSecret: string }>("POST", "/applications/secrets/revoke", { clientId });
    await dayPasses(app.id);
    expect(await runHealthChecks(only)).toEqual({ checked: 1, refused: 1, unreachable: 0 });

    const issue = await db.supportIssue.findFirstOrThrow({ where: { customerId: app.customerId } });
    expect(issue).toMatchObject({
      type: "KEYS_REFUSED",
      state: "OPEN",
      occurrences: 1,
      changedBy: "system:linkedin-token",
    });
    expect(issue.detail).toContain("LinkedIn refused this customer's API key and secret");
    // No sync ran: no job for the customer, and LinkedIn heard only token requests from this application.
    expect(await db.job.count({ where: { customerId: app.customerId } })).toBe(0);
    const { calls } = await admin<{ calls: { endpoint: string }[] }>(
      "GET",
      `/calls?clientId=${encodeURIComponent(clientId)}`,
    );
    expect(new Set(calls.map((c) => c.endpoint))).toEqual(new Set(["token"]));
    const opened = await db.event.findMany({ where: { customerId: app.customerId, type: { startsWith: "issue." } } });
    expect(opened.map((e) => e.type)).toEqual(["issue.opened"]);

    // A second refused check the next day confirms the issue; it does not count another occurrence.
    await dayPasses(app.id);
    expect(await runHealthChecks(only)).toMatchObject({ refused: 1 });
    expect((await db.supportIssue.findUniqueOrThrow({ where: { id: issue.id } })).occurrences).toBe(1);

    await setApplicationKeys(started.actor, app.customerId, { clientId, clientSecret: revoked.clientSecret });
    const resolved = await db.supportIssue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(resolved).toMatchObject({ state: "RESOLVED", changedBy: "system:keys-entered" });
    const events = await db.event.findMany({
      where: { customerId: app.customerId, type: { startsWith: "issue." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["issue.opened", "issue.resolved"]);
  });

  it("is off when HEALTH_CHECK_INTERVAL_HOURS is 0", async () => {
    const app = await createTestApplication();
    setTestEnv({ HEALTH_CHECK_INTERVAL_HOURS: "0" });
    try {
      const summary = await runHealthChecks({ onlyApplicationIds: [app.id] });
      expect(summary).toEqual({ checked: 0, refused: 0, unreachable: 0 });
    } finally {
      setTestEnv({ HEALTH_CHECK_INTERVAL_HOURS: undefined });
    }
  });
});
