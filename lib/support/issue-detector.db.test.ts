// Issue 22 point 1: the detector pass turns live conditions into issue records and resolves them when the condition
// clears, on real Postgres, narrowed to this test's customers (other files' rows are left alone).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createRscIntegrationRow } from "@/lib/customers/test-support/customer-row";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { detectIssues } from "./issue-detector";

afterAll(disconnectDb);

const issuesOf = (customerId: string) =>
  db.supportIssue.findMany({
    where: { customerId },
    select: { type: true, state: true, occurrences: true, integrationId: true },
    orderBy: { type: "asc" },
  });

describe("issue detector (issue 22)", () => {
  it("opens an issue per live condition, observes it again without counting, and resolves it when it clears", async () => {
    const app = await createTestApplication();
    const customerIds = [app.customerId];
    const integration = await createRscIntegrationRow(app.customerId, randomUUID(), "Stuck one");
    // Refused keys, a failed configuration sync, an integration waiting on LinkedIn for 200 hours, of a type Onramp
    // does not know (RECRUITER_SYSTEM_CONNECT is not in lib/integrations/types.ts).
    await db.customerApplication.update({
      where: { id: app.id },
      data: { lastAuthError: "LinkedIn refused this customer's API key and secret.", lastAuthErrorAt: new Date() },
    });
    await db.$executeRaw`UPDATE "Integration" SET "configSyncState" = 'FAILED', "configSyncError" = 'refused',
      "statusChangedAt" = (now() AT TIME ZONE 'UTC') - interval '200 hours' WHERE "id" = ${integration.id}`;

    expect((await detectIssues({ customerIds })).opened).toBe(4);
    expect(await issuesOf(app.customerId)).toEqual([
      { type: "KEYS_REFUSED", state: "OPEN", occurrences: 1, integrationId: null },
      { type: "SYNC_FAILING", state: "OPEN", occurrences: 1, integrationId: integration.id },
      { type: "STUCK_AT_STATUS", state: "OPEN", occurrences: 1, integrationId: integration.id },
      { type: "UNKNOWN_TYPE", state: "OPEN", occurrences: 1, integrationId: integration.id },
    ]);
    expect((await detectIssues({ customerIds })).opened).toBe(0);
    expect((await issuesOf(app.customerId)).map((i) => i.occurrences)).toEqual([1, 1, 1, 1]);

    // The keys work again and the sync succeeded: those two resolve themselves; the integration still waits.
    await db.customerApplication.update({
      where: { id: app.id },
      data: { lastAuthError: null, lastAuthErrorAt: null },
    });
    await db.integration.update({
      where: { id: integration.id },
      data: { configSyncState: "SYNCED", configSyncError: null },
    });
    expect((await detectIssues({ customerIds })).resolved).toBe(2);
    expect((await issuesOf(app.customerId)).map((i) => `${i.type}:${i.state}`)).toEqual([
      "KEYS_REFUSED:RESOLVED",
      "SYNC_FAILING:RESOLVED",
      "STUCK_AT_STATUS:OPEN",
      "UNKNOWN_TYPE:OPEN",
    ]);

    // The keys are refused again: the same issue reopens, an occurrence more.
    await db.customerApplication.update({ where: { id: app.id }, data: { lastAuthError: "refused again" } });
    expect((await detectIssues({ customerIds })).opened).toBe(1);
    expect((await issuesOf(app.customerId))[0]).toMatchObject({ type: "KEYS_REFUSED", state: "OPEN", occurrences: 2 });
    const events = await db.event.findMany({ where: { customerId: app.customerId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type).filter((t) => t.startsWith("issue."))).toEqual([
      "issue.opened",
      "issue.opened",
      "issue.opened",
      "issue.opened",
      "issue.resolved",
      "issue.resolved",
      "issue.opened",
    ]);
  });
});
