// Retries (C26): 429 with Retry-After, 5xx and network failures retried up to the limit, answers that are not
// retried, each ending with a message a person can act on; with the real Postgres of the test harness, against recorded answers served from a local node:http server.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ENDPOINTS } from "./endpoints";
import { createTestApplication } from "./test-support/applications";
import { inOrder, json } from "./test-support/recorded-server";
import { useRecordedLinkedIn, seedLookupAnswer, lookupSeedTuple, callCountsOf } from "./test-support/recorded-linkedin";

// Pacing is covered by pacing.db.test.ts; here it would only slow every retry down.
const serve = useRecordedLinkedIn({ LINKEDIN_BATCH_SPACING_MS: "0" });

describe("retries (C26)", () => {
  it("retries a 429 honouring Retry-After, records rateLimitedUntil, and succeeds", async () => {
    const s = await serve({
      api: inOrder(
        json(429, { status: 429, message: "Resource level throttle limit" }, { "retry-after": "1" }),
        seedLookupAnswer,
      ),
    });
    const app = await createTestApplication();
    const before = Date.now();
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    const [first, second] = s.apiRequests();
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil?.getTime()).toBeGreaterThanOrEqual(before + 1000);
    expect(await callCountsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({
      count: 2,
      rateLimitedCount: 1,
      errorCount: 0,
    });
  });

  it("honours Retry-After given as an HTTP date", async () => {
    // The date is written when the 503 is answered (a whole second, 2–3 s ahead), however long the test took to
    // get there on a loaded machine; the retry must not come before it.
    let retryAt = 0;
    const later = inOrder(seedLookupAnswer);
    const s = await serve({
      api: (req) => {
        if (retryAt) return later(req);
        retryAt = (Math.floor(Date.now() / 1000) + 3) * 1000;
        return { status: 503, headers: { "retry-after": new Date(retryAt).toUTCString() } };
      },
    });
    const app = await createTestApplication();
    expect(await lookupSeedTuple(app)).toMatchObject({ ok: true });
    const [, second] = s.apiRequests();
    // Timers round to whole milliseconds: the retry may start within a millisecond of the instant.
    expect(second?.at ?? 0).toBeGreaterThanOrEqual(retryAt - 1);
  });

  it("C26: gives up after 5 attempts of 429 with the message a person can act on", async () => {
    const s = await serve({ api: () => json(429, { status: 429, message: "Too many requests" }) });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(s.apiRequests()).toHaveLength(5);
    expect(result).toMatchObject({
      ok: false,
      status: 429,
      error:
        "LinkedIn is rate-limiting this customer's application (daily limits reset at midnight UTC). Onramp tried 5 times; it will try again later.",
    });
    expect(await callCountsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({ count: 5, rateLimitedCount: 5 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil).not.toBeNull();
  });

  it("gives up after 5 attempts of 500 as unavailable, counting errors", async () => {
    const s = await serve({ api: () => ({ status: 500 }) });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(s.apiRequests()).toHaveLength(5);
    expect(result).toMatchObject({ ok: false, status: 500 });
    if (!result.ok) expect(result.error).toMatch(/HTTP 500\)\. Onramp tried 5 times; it will try again later\./);
    expect(await callCountsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({
      count: 5,
      errorCount: 5,
      rateLimitedCount: 0,
    });
  });

  it("does not wait out a Retry-After of hours: stops at once with when to retry", async () => {
    const s = await serve({ api: () => json(429, {}, { "retry-after": "7200" }) });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(s.apiRequests()).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, status: 429 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil?.getTime()).toBeGreaterThan(Date.now() + 7000 * 1000);
  });

  it("retries network failures and reports LinkedIn unreachable", async () => {
    const s = await serve({ api: () => seedLookupAnswer });
    const app = await createTestApplication();
    await lookupSeedTuple(app); // token cached while the server is up
    await s.close();
    const result = await lookupSeedTuple(app);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/LinkedIn could not be reached .* Onramp tried 5 times/);
    expect(await callCountsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({ count: 6, errorCount: 5 });
  });

  it("a body that does not match the schema is invalid_response, not acted on", async () => {
    await serve({ api: () => json(200, { results: { k: { onboardingStatus: "SOMETHING_NEW" } } }) });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/shape Onramp does not understand/);
  });

  it("a 400 is not retried and carries LinkedIn's message", async () => {
    const s = await serve({
      api: () => json(400, { status: 400, message: "ids[0].tenantType is invalid", serviceErrorCode: 100 }),
    });
    const app = await createTestApplication();
    const result = await lookupSeedTuple(app);
    expect(s.apiRequests()).toHaveLength(1);
    if (!result.ok) expect(result.error).toContain('LinkedIn said: "ids[0].tenantType is invalid"');
  });
});
