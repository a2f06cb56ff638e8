// The HTTP layer against recorded LinkedIn answers served from a local node:http server (C2, C26, C27),
// with the real Postgres of the test harness for the token cache, call counts and rate-limit state.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { utcDay } from "./backoff";
import { assertWithinDailyBudget, callsToday, recordLinkedInCall } from "./call-count";
import { integrationTuple, tupleId } from "./compound-key";
import { ENDPOINTS } from "./endpoints";
import { LinkedInError } from "./errors";
import { SEED_IDS_LOOKUP_RESPONSE } from "./fixtures/recorded";
import { customerAppTokenContext } from "./secret-contexts";
import { lookupStatusByTuples } from "./status-lookup";
import { createTestApplication } from "./test-support/applications";
import { setTestEnv, useLinkedInAt } from "./test-support/env";
import { inOrder, json, type RecordedServer, startRecordedServer } from "./test-support/recorded-server";
import { verifyApplicationCredentials } from "./token";

const seedTuple = integrationTuple({
  integrationContext: "urn:li:organization:4gX03uw",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});
const ok = json(200, SEED_IDS_LOOKUP_RESPONSE);

let server: RecordedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  setTestEnv({ LINKEDIN_DAILY_CALL_BUDGET: undefined, LINKEDIN_MAX_ATTEMPTS: undefined });
});
afterAll(disconnectDb);

async function serve(handlers: Parameters<typeof startRecordedServer>[0]): Promise<RecordedServer> {
  server = await startRecordedServer(handlers);
  // Pacing is covered by pacing.db.test.ts; here it would only slow every retry down.
  useLinkedInAt(server.url, { LINKEDIN_BATCH_SPACING_MS: "0" });
  return server;
}

async function lookupOnce(app: { id: string; clientId: string }) {
  const map = await lookupStatusByTuples(app, [seedTuple]);
  const status = map.get(tupleId(seedTuple));
  if (!status) throw new Error("no status");
  return status;
}

/** The application's calls to an endpoint over every day (a run across midnight UTC splits them in two rows). */
async function countsOf(clientId: string, endpoint: string) {
  const { _sum } = await db.linkedInCallCount.aggregate({
    where: { clientId, endpoint },
    _sum: { count: true, rateLimitedCount: true, errorCount: true },
  });
  return _sum;
}

describe("tokens (C2, C27)", () => {
  it("C2: sends Bearer {token}; caches the token encrypted, never in clear", async () => {
    const s = await serve({ api: () => ok });
    const app = await createTestApplication();
    expect(await lookupOnce(app)).toMatchObject({ ok: true, onboardingStatus: "ENABLED" });
    expect(await lookupOnce(app)).toMatchObject({ ok: true });

    expect(s.tokenRequests()).toHaveLength(1);
    const form = new URLSearchParams(s.tokenRequests()[0]?.body);
    expect(s.tokenRequests()[0]?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });

    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    const sentToken = /^Bearer (.+)$/.exec(String(s.apiRequests()[0]?.headers.authorization))?.[1];
    expect(sentToken).toMatch(/^recorded-token-/);
    expect(s.apiRequests()[1]?.headers.authorization).toBe(`Bearer ${sentToken}`);
    expect(row.accessTokenEnc).toBeTruthy();
    expect(row.accessTokenEnc).not.toContain(sentToken);
    expect(decryptSecret(row.accessTokenEnc as string, customerAppTokenContext(app.id))).toBe(sentToken);
    expect(row.accessTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600 * 1000);
    expect(row.lastVerifiedAt).not.toBeNull();
    expect(row.lastAuthError).toBeNull();
  });

  it("C27: a 401 clears the cache and retries once with a fresh token", async () => {
    const s = await serve({
      api: inOrder(json(401, { status: 401, message: "The token used in the request has expired" }), ok),
    });
    const app = await createTestApplication();
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    expect(s.tokenRequests()).toHaveLength(2);
    const [first, second] = s.apiRequests();
    expect(first?.headers.authorization).not.toBe(second?.headers.authorization);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(decryptSecret(row.accessTokenEnc as string, customerAppTokenContext(app.id))).toBe(
      String(second?.headers.authorization).replace("Bearer ", ""),
    );
  });

  it("C27: a second 401 records an operator message and fails the call", async () => {
    const s = await serve({ api: () => json(401, { status: 401, message: "Invalid access token" }) });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(result.ok).toBe(false);
    expect(s.apiRequests()).toHaveLength(2);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/re-enter them in Onramp/);
    expect(row.lastAuthErrorAt).not.toBeNull();
    expect(row.accessTokenEnc).toBeNull();
    if (!result.ok) expect(result.error).toBe(row.lastAuthError);
  });

  it("C27: the token endpoint refusing the keys records the message; a later success clears it", async () => {
    let refuse = true;
    await serve({
      token: () =>
        refuse
          ? json(401, { error: "invalid_client", error_description: "Client authentication failed" })
          : json(200, { access_token: "fresh", expires_in: 5184000 }),
      api: () => ok,
    });
    const app = await createTestApplication();
    const failed = await lookupOnce(app);
    expect(failed).toMatchObject({ ok: false, status: 401 });
    let row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/refused this customer's API key and secret/);
    expect(row.lastVerifiedAt).toBeNull();

    refuse = false;
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toBeNull();
    expect(row.lastAuthErrorAt).toBeNull();
    expect(row.lastVerifiedAt).not.toBeNull();
  });

  it("an unreadable stored secret tells the operator to re-enter the keys, without calling LinkedIn", async () => {
    const s = await serve({ api: () => ok });
    const app = await createTestApplication();
    // Encrypted for another row: the context binds a ciphertext to its own row (C3).
    const other = await createTestApplication();
    const foreign = await db.customerApplication.findUniqueOrThrow({ where: { id: other.id } });
    await db.customerApplication.update({ where: { id: app.id }, data: { clientSecretEnc: foreign.clientSecretEnc } });
    const result = await lookupOnce(app);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/can not read this customer's stored secret .* Re-enter/);
    expect(s.requests).toHaveLength(0);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/Re-enter/);
  });

  it("verifyApplicationCredentials: ok for good keys, a message for refused ones, nothing stored", async () => {
    const s = await serve({
      token: (req) => {
        const form = new URLSearchParams(req.body);
        return form.get("client_secret") === "right"
          ? json(200, { access_token: "t", expires_in: 60 })
          : json(401, { error: "invalid_client", error_description: "Client authentication failed" });
      },
      api: () => ok,
    });
    expect(await verifyApplicationCredentials("entered-key", "right")).toEqual({ ok: true });
    const refused = await verifyApplicationCredentials("entered-key", "wrong");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toMatch(/refused this API key and secret/);
      expect(refused.message).not.toContain("wrong");
    }
    expect(await verifyApplicationCredentials("entered-key", "")).toMatchObject({ ok: false });
    expect(s.tokenRequests()).toHaveLength(2);
    expect(await db.customerApplication.count({ where: { clientId: "entered-key" } })).toBe(0);
  });
});

describe("retries (C26)", () => {
  it("retries a 429 honouring Retry-After, records rateLimitedUntil, and succeeds", async () => {
    const s = await serve({
      api: inOrder(json(429, { status: 429, message: "Resource level throttle limit" }, { "retry-after": "1" }), ok),
    });
    const app = await createTestApplication();
    const before = Date.now();
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    const [first, second] = s.apiRequests();
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil?.getTime()).toBeGreaterThanOrEqual(before + 1000);
    expect(await countsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({
      count: 2,
      rateLimitedCount: 1,
      errorCount: 0,
    });
  });

  it("honours Retry-After given as an HTTP date", async () => {
    // The date is written when the 503 is answered (a whole second, 2–3 s ahead), however long the test took to
    // get there on a loaded machine; the retry must not come before it.
    let retryAt = 0;
    const later = inOrder(ok);
    const s = await serve({
      api: (req) => {
        if (retryAt) return later(req);
        retryAt = (Math.floor(Date.now() / 1000) + 3) * 1000;
        return { status: 503, headers: { "retry-after": new Date(retryAt).toUTCString() } };
      },
    });
    const app = await createTestApplication();
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    const [, second] = s.apiRequests();
    // Timers round to whole milliseconds: the retry may start within a millisecond of the instant.
    expect(second?.at ?? 0).toBeGreaterThanOrEqual(retryAt - 1);
  });

  it("C26: gives up after 5 attempts of 429 with the message a person can act on", async () => {
    const s = await serve({ api: () => json(429, { status: 429, message: "Too many requests" }) });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(s.apiRequests()).toHaveLength(5);
    expect(result).toMatchObject({
      ok: false,
      status: 429,
      error:
        "LinkedIn is rate-limiting this customer's application (daily limits reset at midnight UTC). Onramp tried 5 times; it will try again later.",
    });
    expect(await countsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({ count: 5, rateLimitedCount: 5 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil).not.toBeNull();
  });

  it("gives up after 5 attempts of 500 as unavailable, counting errors", async () => {
    const s = await serve({ api: () => ({ status: 500 }) });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(s.apiRequests()).toHaveLength(5);
    expect(result).toMatchObject({ ok: false, status: 500 });
    if (!result.ok) expect(result.error).toMatch(/HTTP 500\)\. Onramp tried 5 times; it will try again later\./);
    expect(await countsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({
      count: 5,
      errorCount: 5,
      rateLimitedCount: 0,
    });
  });

  it("does not wait out a Retry-After of hours: stops at once with when to retry", async () => {
    const s = await serve({ api: () => json(429, {}, { "retry-after": "7200" }) });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(s.apiRequests()).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, status: 429 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil?.getTime()).toBeGreaterThan(Date.now() + 7000 * 1000);
  });

  it("retries network failures and reports LinkedIn unreachable", async () => {
    const s = await serve({ api: () => ok });
    const app = await createTestApplication();
    await lookupOnce(app); // token cached while the server is up
    await s.close();
    server = undefined;
    const result = await lookupOnce(app);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/LinkedIn could not be reached .* Onramp tried 5 times/);
    expect(await countsOf(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({ count: 6, errorCount: 5 });
  });

  it("a body that does not match the schema is invalid_response, not acted on", async () => {
    await serve({ api: () => json(200, { results: { k: { onboardingStatus: "SOMETHING_NEW" } } }) });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/shape Onramp does not understand/);
  });

  it("a 400 is not retried and carries LinkedIn's message", async () => {
    const s = await serve({
      api: () => json(400, { status: 400, message: "ids[0].tenantType is invalid", serviceErrorCode: 100 }),
    });
    const app = await createTestApplication();
    const result = await lookupOnce(app);
    expect(s.apiRequests()).toHaveLength(1);
    if (!result.ok) expect(result.error).toContain('LinkedIn said: "ids[0].tenantType is invalid"');
  });
});

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
    server = await startRecordedServer({ api: () => ok });
    const s = server;
    useLinkedInAt(s.url, { LINKEDIN_BATCH_SPACING_MS: "0", LINKEDIN_DAILY_CALL_BUDGET: "2" });
    const app = await createTestApplication();
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    expect(await lookupOnce(app)).toMatchObject({ ok: true });
    const third = await lookupOnce(app);
    expect(third).toMatchObject({ ok: false });
    if (!third.ok)
      expect(third.error).toMatch(
        /count of today's calls to v2\/atsIntegrations reached the daily limit.*held until 00:00 UTC/,
      );
    expect(s.apiRequests()).toHaveLength(2);
    await expect(assertWithinDailyBudget(app.clientId, ENDPOINTS.lookupByIds)).rejects.toBeInstanceOf(LinkedInError);
  });
});
