// Counting LinkedIn calls per application, endpoint and UTC day (C26, C30) and refusing once the budget is spent,
// with the real Postgres of the test harness, against recorded answers served from a local node:http server.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { utcDay } from "./backoff";
import { assertWithinDailyBudget, callsToday, recordLinkedInCall } from "./call-count";
import { ENDPOINTS } from "./endpoints";
import { LinkedInError } from "./errors";
import { createTestApplication } from "./test-support/applications";
import { useRecordedLinkedIn, seedLookupAnswer, lookupSeedTuple } from "./test-support/recorded-linkedin";

// Pacing is covered by pacing.db.test.ts; here it would only slow every retry down.
const serve = useRecordedLinkedIn({ LINKEDIN_BATCH_SPACING_MS: "0" });

describe("call counting per UTC day (C26, C30)", () => {
  it("counts per application, endpoint and UTC day with atomic increments", async () => {
    const clientId = `count-${Date.now()}-${Math.random()}`;
    const today = new Date();
    const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
    await Promise.all(
      Array.from({ length: 20 }, () => recordLinkedInCall(clientId, ENDPOINTS.lookupByIds, "ok", today)),
    );
    await recordLinkedInCall(clientId, ENDPOINTS.lookupByIds, "rate_limited", today);
    await recordLinkedInCall(clientId, ENDPOINTS.syncIntegrationNames, "error", today);
    await recordLinkedInCall(clientId, ENDPOINTS.lookupByIds, "ok", yesterday);

    const calls = await callsToday(clientId, today);
    expect(calls.day).toBe(utcDay(today));
    expect(calls.endpoints).toHaveLength(2);
    expect(calls.busiest).toMatchObject({
      endpoint: ENDPOINTS.lookupByIds,
      count: 21,
      rateLimitedCount: 1,
      budget: 5000,
      remaining: 4979,
    });
    expect(calls.endpoints[1]).toMatchObject({ endpoint: ENDPOINTS.syncIntegrationNames, count: 1, errorCount: 1 });
    expect((await callsToday(clientId, yesterday)).busiest?.count).toBe(1);
    expect(calls.resetsAt.toISOString()).toMatch(/T00:00:00.000Z$/);
  });

  it("a call just before and just after midnight UTC land on different days", async () => {
    const clientId = `midnight-${Date.now()}-${Math.random()}`;
    await recordLinkedInCall(clientId, ENDPOINTS.lookupByIds, "ok", new Date("2030-05-01T23:59:59.999Z"));
    await recordLinkedInCall(clientId, ENDPOINTS.lookupByIds, "ok", new Date("2030-05-02T00:00:00.000Z"));
    const rows = await db.linkedInCallCount.findMany({ where: { clientId }, orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.count])).toEqual([
      ["2030-05-01", 1],
      ["2030-05-02", 1],
    ]);
  });

  it("C30: refuses calls once the day's budget is spent, without asking LinkedIn", async () => {
    const s = await serve({ api: () => seedLookupAnswer }, { LINKEDIN_DAILY_CALL_BUDGET: "2" });
    const app = await createTestApplication();
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    const third = await lookupSeedTuple(app);
    expect(third).toMatchObject({ ok: false });
    if (!third.ok)
      expect(third.error).toMatch(
        /count of today's calls to v2\/atsIntegrations reached the daily limit.*held until 00:00 UTC/,
      );
    expect(s.apiRequests()).toHaveLength(2);
    await expect(assertWithinDailyBudget(app.clientId, ENDPOINTS.lookupByIds)).rejects.toBeInstanceOf(LinkedInError);
  });
});
