// Each LinkedIn call's request and the reading of its answer, against recorded bodies served from a
// local node:http server (C10–C16, C19, C19b, C1).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { compoundKey, integrationTuple, parseCompoundKey, tupleId, type IntegrationTuple } from "./compound-key";
import { deleteIntegrationConfigurations, writeIntegrationConfigurations } from "./configurations";
import { dailyBudget } from "./call-count";
import { ENDPOINTS } from "./endpoints";
import { LinkedInError } from "./errors";
import {
  BATCH_UPDATE_WITH_ONE_ERROR,
  REQUEST_LOOKUP_PAGE_1,
  REQUEST_LOOKUP_PAGE_2,
  SEED_BATCH_UPDATE_REQUEST,
  SEED_BATCH_UPDATE_RESPONSE,
  SEED_IDS_LOOKUP_RESPONSE,
  SEED_REQUEST_LOOKUP_RESPONSE,
} from "./fixtures/recorded";
import { syncIntegrationNames } from "./integration-names";
import { provisionApplication } from "./provisioning";
import { MAX_PAGES, lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
import { createTestApplication } from "./test-support/applications";
import { setTestEnv, useLinkedInAt } from "./test-support/env";
import {
  inOrder,
  json,
  startRecordedServer,
  type ReceivedRequest,
  type RecordedServer,
} from "./test-support/recorded-server";
import { parseIdsQuery } from "./test-support/ids-query";

const seedTuple = integrationTuple({
  integrationContext: "urn:li:organization:4gX03uw",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});
const org = (n: number): IntegrationTuple =>
  integrationTuple({ integrationContext: `urn:li:organization:${n}`, integrationType: "RSC", tenantType: "RECRUITER" });

let server: RecordedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  setTestEnv({ LINKEDIN_CLIENT_ID: undefined, LINKEDIN_CLIENT_SECRET: undefined, LINKEDIN_VENDOR_NAME: undefined });
});
afterAll(disconnectDb);

async function serve(
  handlers: Parameters<typeof startRecordedServer>[0],
  extra: Record<string, string> = {},
): Promise<RecordedServer> {
  server = await startRecordedServer(handlers);
  useLinkedInAt(server.url, extra);
  return server;
}

/** Answers a batch_partial_update the way LinkedIn does: every entity 204, keys reordered and encoded. */
function answerAll204(req: ReceivedRequest) {
  const body = JSON.parse(req.body) as { entities: Record<string, unknown> };
  const results: Record<string, { status: number }> = {};
  for (const key of Object.keys(body.entities)) {
    const t = parseCompoundKey(key);
    const reordered = `tenantType=${t.tenantType}&dataProvider=ATS&integrationContext=${encodeURIComponent(t.integrationContext)}&integrationType=${t.integrationType}`;
    results[reordered] = { status: 204 };
  }
  return json(200, { errors: {}, results });
}

describe("syncIntegrationNames (C10–C14)", () => {
  it("C10/C11: sends the seed's request and reads the seed's answer as a success", async () => {
    const s = await serve({ api: () => json(200, SEED_BATCH_UPDATE_RESPONSE) }, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    const name = "My Customer's LinkedIn Recruiter One-Click Export Integration";
    const results = await syncIntegrationNames(app, [{ tuple: seedTuple, name }]);
    expect(results).toEqual([{ tuple: seedTuple, ok: true, status: 204 }]);

    const [req] = s.apiRequests();
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/v2/atsIntegrations");
    expect(req?.headers["x-restli-method"]).toBe("batch_partial_update");
    expect(req?.headers.authorization).toMatch(/^Bearer recorded-token-/);
    expect(req?.headers["content-type"]).toMatch(/^application\/json/);
    expect(parseIdsQuery(req?.query ?? new URLSearchParams())).toEqual([seedTuple]);
    expect(JSON.parse(req?.body ?? "")).toEqual(JSON.parse(SEED_BATCH_UPDATE_REQUEST));
  });

  it("C14: one entity refused among successes fails alone", async () => {
    await serve({ api: () => json(200, BATCH_UPDATE_WITH_ONE_ERROR) }, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    const results = await syncIntegrationNames(
      app,
      [1, 2, 3].map((n) => ({ tuple: org(n), name: `Name ${n}` })),
    );
    expect(results.map((r) => [r.ok, r.status])).toEqual([
      [true, 204],
      [false, 404],
      [true, 204],
    ]);
    expect(results[1]?.error).toContain("No integration RSC/RECRUITER for urn:li:organization:2");
  });

  it("C14: an entity LinkedIn does not mention fails with 'no result returned'", async () => {
    await serve({ api: () => json(200, SEED_BATCH_UPDATE_RESPONSE) }, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    const results = await syncIntegrationNames(app, [
      { tuple: seedTuple, name: "A" },
      { tuple: org(5), name: "B" },
    ]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[1]).toMatchObject({
      ok: false,
      status: null,
      error: "LinkedIn returned no result for this integration",
    });
  });

  it("C11: an empty name is refused without a call; a repeated tuple is sent once with the last name", async () => {
    const s = await serve({ api: answerAll204 }, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    const results = await syncIntegrationNames(app, [
      { tuple: org(1), name: "first" },
      { tuple: org(2), name: "  " },
      { tuple: org(1), name: "second" },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.error).toMatch(/no name/);
    expect(s.apiRequests()).toHaveLength(1);
    const body = JSON.parse(s.apiRequests()[0]?.body ?? "") as {
      entities: Record<string, { patch: { $set: { integrationName: string } } }>;
    };
    expect(Object.keys(body.entities)).toEqual([compoundKey(org(1))]);
    expect(body.entities[compoundKey(org(1))]?.patch.$set.integrationName).toBe("second");
  });

  it("C13: 250 names go in batches of 100, 100, 50, at least LINKEDIN_BATCH_SPACING_MS apart", async () => {
    const s = await serve({ api: answerAll204 });
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    expect(spacing).toBe(1000);
    const app = await createTestApplication();
    const items = Array.from({ length: 250 }, (_, i) => ({ tuple: org(i), name: `Integration ${i}` }));
    const results = await syncIntegrationNames(app, items);
    expect(results.every((r) => r.ok && r.status === 204)).toBe(true);
    expect(results.map((r) => tupleId(r.tuple))).toEqual(items.map((i) => tupleId(i.tuple)));
    const calls = s.apiRequests();
    expect(calls.map((c) => parseIdsQuery(c.query).length)).toEqual([100, 100, 50]);
    for (let i = 1; i < calls.length; i += 1) {
      expect((calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(spacing);
    }
  });

  it("a rate limit that outlasts the retries fails this batch and the rest as retryable, without more calls", async () => {
    const s = await serve(
      { api: () => json(429, { status: 429, message: "throttled" }) },
      { LINKEDIN_BATCH_SPACING_MS: "0", LINKEDIN_MAX_ATTEMPTS: "2" },
    );
    const app = await createTestApplication();
    const results = await syncIntegrationNames(
      app,
      Array.from({ length: 150 }, (_, i) => ({ tuple: org(i), name: `N${i}` })),
    );
    expect(s.apiRequests()).toHaveLength(2);
    expect(results).toHaveLength(150);
    expect(results.every((r) => !r.ok && r.retryable === true && r.status === 429)).toBe(true);
    expect(results[0]?.error).toMatch(/rate-limiting this customer's application .* Onramp tried 2 times/);
  });
});

describe("LinkedIn-Version (L16)", () => {
  it("is sent on every API call when configured, and not at all when empty", async () => {
    const s = await serve({ api: answerAll204 }, { LINKEDIN_VERSION: "202604", LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    await syncIntegrationNames(app, [{ tuple: org(1), name: "N1" }]);
    expect(s.apiRequests()[0]?.headers["linkedin-version"]).toBe("202604");
    expect(s.tokenRequests()[0]?.headers["linkedin-version"]).toBeUndefined();
    await s.close();
    const plain = await serve({ api: answerAll204 }, { LINKEDIN_VERSION: "", LINKEDIN_BATCH_SPACING_MS: "0" });
    await syncIntegrationNames(await createTestApplication(), [{ tuple: org(2), name: "N2" }]);
    expect(plain.apiRequests()[0]?.headers["linkedin-version"]).toBeUndefined();
  });
});

describe("one pacing and one daily budget per application and resource (C13, C30, L17)", () => {
  it("a configuration PUT, a q=request look-up and a name batch of one application arrive at least the spacing apart", async () => {
    const s = await serve(
      {
        api: (req) =>
          req.method === "PUT"
            ? { status: 204 }
            : req.query.get("q") === "request"
              ? json(200, { elements: [], paging: { count: 10, start: 0 } })
              : answerAll204(req),
      },
      { LINKEDIN_BATCH_SPACING_MS: "300" },
    );
    const app = await createTestApplication();
    await Promise.all([
      writeIntegrationConfigurations(app, seedTuple, {
        CALLBACK_URL: "https://onramp.example.com/api/linkedin/callback/abc",
      }),
      lookupStatusByRequest(app, "r-paced"),
      syncIntegrationNames(app, [{ tuple: org(1), name: "N1" }]),
    ]);
    const at = s
      .apiRequests()
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(at).toHaveLength(3);
    for (let i = 1; i < at.length; i += 1) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it("L17: every method on v2/atsIntegrations counts against one daily budget; the spent budget refuses without a call", async () => {
    const s = await serve(
      {
        api: (req) =>
          req.method === "PUT" ? { status: 204 } : json(200, { elements: [], paging: { count: 10, start: 0 } }),
      },
      {
        LINKEDIN_BATCH_SPACING_MS: "0",
        LINKEDIN_DAILY_CALL_BUDGET: "2",
      },
    );
    const app = await createTestApplication();
    await writeIntegrationConfigurations(app, seedTuple, {
      CALLBACK_URL: "https://onramp.example.com/api/linkedin/callback/abc",
    });
    await lookupStatusByRequest(app, "r-budget");
    expect(await dailyBudget(app.clientId, ENDPOINTS.lookupByIds)).toMatchObject({ used: 2, exhausted: true });
    await lookupStatusByTuples(app, [org(1)]).catch(() => undefined); // refused before any request
    expect(s.apiRequests()).toHaveLength(2);
  });
});

describe("writeIntegrationConfigurations (C15–C17, L15: LinkedIn's collection's request)", () => {
  it("PUTs ?ids=K1&ids=K2 with x-restli-method: batch_update and the entities body to the compound key's configurations", async () => {
    const s = await serve({ api: () => ({ status: 204 }) });
    const app = await createTestApplication();
    const results = await writeIntegrationConfigurations(app, seedTuple, {
      CALLBACK_URL: "https://onramp.example.com/api/linkedin/callback/abc",
      JOB_POSTING_VIEWERS: "ALL_PRODUCT_USERS",
    });
    expect(results).toEqual({ CALLBACK_URL: null, JOB_POSTING_VIEWERS: null });
    const [req] = s.apiRequests();
    expect(req?.method).toBe("PUT");
    expect(req?.url).toBe(
      "/v2/atsIntegrations/integrationContext=urn%3Ali%3Aorganization%3A4gX03uw&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS/configurations?ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS",
    );
    expect(req?.headers["x-restli-method"]).toBe("batch_update");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(parseCompoundKey(decodeURIComponent(req?.path.split("/")[3] ?? ""))).toEqual(seedTuple);
    expect(JSON.parse(req?.body ?? "")).toEqual({
      entities: {
        CALLBACK_URL: { configurationValue: { string: "https://onramp.example.com/api/linkedin/callback/abc" } },
        JOB_POSTING_VIEWERS: { configurationValue: { string: "ALL_PRODUCT_USERS" } },
      },
    });
  });

  it("DELETEs ?ids= without a body to remove keys (L15)", async () => {
    const s = await serve({ api: () => ({ status: 204 }) });
    const app = await createTestApplication();
    await deleteIntegrationConfigurations(app, seedTuple, ["JOB_POSTING_VIEWERS"]);
    const [req] = s.apiRequests();
    expect(req?.method).toBe("DELETE");
    expect(req?.url).toMatch(/\/configurations\?ids=JOB_POSTING_VIEWERS$/);
    expect(req?.body ?? "").toBe("");
  });

  it("a refused call is a LinkedInError with LinkedIn's words", async () => {
    await serve({ api: () => json(422, { status: 422, message: "CALLBACK_URL must be https" }) });
    const app = await createTestApplication();
    const error = await writeIntegrationConfigurations(app, seedTuple, { CALLBACK_URL: "http://x" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LinkedInError);
    expect((error as LinkedInError).kind).toBe("bad_request");
    expect((error as LinkedInError).message).toContain("CALLBACK_URL must be https");
  });
});

describe("writeIntegrationConfigurations per-key answers", () => {
  it("a key refused inside a 200 answer comes back with LinkedIn's words; the others are accepted", async () => {
    await serve({
      api: () =>
        json(200, {
          errors: {
            CALLBACK_URL: {
              status: 400,
              message: "CALLBACK_URL is already the callback of another customer application (C21)",
            },
          },
          results: { OTHER: { status: 204 } },
        }),
    });
    const app = await createTestApplication();
    const results = await writeIntegrationConfigurations(app, seedTuple, {
      CALLBACK_URL: "https://a.example.com/cb",
      OTHER: "x",
    });
    expect(results).toEqual({
      CALLBACK_URL: '"CALLBACK_URL is already the callback of another customer application (C21)" (HTTP 400)',
      OTHER: null,
    });
  });

  it("all keys 204 in a 200 answer is success", async () => {
    await serve({ api: () => json(200, { errors: {}, results: { CALLBACK_URL: { status: 204 } } }) });
    const app = await createTestApplication();
    await expect(
      writeIntegrationConfigurations(app, seedTuple, { CALLBACK_URL: "https://a.example.com/cb" }),
    ).resolves.toEqual({ CALLBACK_URL: null });
  });
});

describe("lookupStatusByRequest (C19)", () => {
  it("reads the seed's single page and stops (fewer than count, no next link)", async () => {
    const s = await serve({ api: () => json(200, SEED_REQUEST_LOOKUP_RESPONSE) });
    const app = await createTestApplication();
    const found = await lookupStatusByRequest(app, "59a92119-3b72-4d2f-8e12-137a13180df6-1");
    expect(found).toEqual([
      {
        tuple: integrationTuple({
          integrationContext: "urn:li:organization:2414183",
          integrationType: "ONE_CLICK_EXPORT",
          tenantType: "RECRUITER",
        }),
        integrationName: "My Customer's LinkedIn Recruiter One-Click Export Integration",
        onboardingStatus: "ENABLED",
      },
    ]);
    expect(s.apiRequests()).toHaveLength(1);
    expect(Object.fromEntries(s.apiRequests()[0]?.query ?? [])).toEqual({
      q: "request",
      requestId: "59a92119-3b72-4d2f-8e12-137a13180df6-1",
    });
  });

  it("follows the paging to the end with start/count", async () => {
    const s = await serve({ api: inOrder(json(200, REQUEST_LOOKUP_PAGE_1), json(200, REQUEST_LOOKUP_PAGE_2)) });
    const app = await createTestApplication();
    const found = await lookupStatusByRequest(app, "r1");
    expect(found.map((f) => f.integrationName)).toEqual(["One", "Two", "Three"]);
    const [, second] = s.apiRequests();
    expect(second?.query.get("start")).toBe("2");
    expect(second?.query.get("count")).toBe("2");
    expect(s.apiRequests()).toHaveLength(2);
  });

  it("stops when a server answers the same page again", async () => {
    const s = await serve({ api: () => json(200, REQUEST_LOOKUP_PAGE_1) });
    const app = await createTestApplication();
    const found = await lookupStatusByRequest(app, "r1");
    expect(found).toHaveLength(2);
    expect(s.apiRequests()).toHaveLength(2);
  });

  it(`gives up after ${MAX_PAGES} pages of a server that pages forever`, async () => {
    const s = await serve(
      {
        api: (req) => {
          const start = Number(req.query.get("start") ?? 0);
          const el = (n: number) => ({
            dataProvider: "ATS",
            integrationContext: `urn:li:organization:${n}`,
            integrationType: "RSC",
            onboardingStatus: "ENABLED",
            tenantType: "RECRUITER",
          });
          return json(200, {
            elements: [el(start), el(start + 1)],
            paging: { count: 2, start, links: [{ rel: "next", href: "x" }] },
          });
        },
      },
      { LINKEDIN_BATCH_SPACING_MS: "0" },
    ); // pages are paced like every atsIntegrations call (C13)
    const app = await createTestApplication();
    const error = await lookupStatusByRequest(app, "endless").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkedInError);
    expect((error as LinkedInError).kind).toBe("invalid_response");
    expect(s.apiRequests()).toHaveLength(MAX_PAGES);
  });
});

describe("lookupStatusByTuples (C19b)", () => {
  it("reads the seed's ids answer", async () => {
    const s = await serve({ api: () => json(200, SEED_IDS_LOOKUP_RESPONSE) }, { LINKEDIN_BATCH_SPACING_MS: "0" });
    const app = await createTestApplication();
    const map = await lookupStatusByTuples(app, [seedTuple]);
    expect(map.get(tupleId(seedTuple))).toEqual({
      tuple: seedTuple,
      ok: true,
      integrationName: "My Customer's LinkedIn Recruiter One-Click Export Integration",
      onboardingStatus: "ENABLED",
    });
    const [req] = s.apiRequests();
    expect(req?.method).toBe("GET");
    expect(req?.url).toBe(
      "/v2/atsIntegrations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A4gX03uw&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS",
    );
  });

  it("asks at most 100 ids a call, paced, and answers every tuple", async () => {
    const s = await serve({
      api: (req) => {
        const results: Record<string, { onboardingStatus: string }> = {};
        for (const t of parseIdsQuery(req.query)) results[compoundKey(t)] = { onboardingStatus: "PARTNER_READY" };
        return json(200, { errors: {}, results, statuses: {} });
      },
    });
    const app = await createTestApplication();
    const tuples = Array.from({ length: 150 }, (_, i) => org(i));
    const map = await lookupStatusByTuples(app, [...tuples, org(0)]);
    expect(map.size).toBe(150);
    expect([...map.values()].every((v) => v.ok && v.onboardingStatus === "PARTNER_READY")).toBe(true);
    const calls = s.apiRequests();
    expect(calls.map((c) => parseIdsQuery(c.query).length)).toEqual([100, 50]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(env().LINKEDIN_BATCH_SPACING_MS);
  });
});

describe("provisionApplication (C1, L3, L4)", () => {
  const parent = {
    LINKEDIN_CLIENT_ID: "vendor-parent",
    LINKEDIN_CLIENT_SECRET: "vendor-parent-secret",
    LINKEDIN_VENDOR_NAME: "Onramp ATS",
  };

  it("creates the application with the parent's token, validJsSdkDomains and a name without LinkedIn, at most 50 characters", async () => {
    const answer = {
      credentials: { client_id: "new-client", client_secret: "new-secret" },
      key: "urn:li:developerApplication:7",
    };
    const s = await serve({ api: () => json(201, answer) }, parent);
    const created = await provisionApplication({
      uniqueForeignId: "cust-42",
      customerName: "LinkedIn Lovers International Holdings Incorporated",
      description: "Onramp customer cust-42",
      callbackUrls: [],
      jsSdkDomains: ["https://onramp.example.com"],
    });
    expect(created).toMatchObject({
      urn: "urn:li:developerApplication:7",
      clientId: "new-client",
      clientSecret: "new-secret",
    });
    expect(created.name.length).toBeLessThanOrEqual(50);
    expect(created.name).not.toMatch(/linkedin/i);
    const tokenForm = new URLSearchParams(s.tokenRequests()[0]?.body);
    expect(tokenForm.get("client_id")).toBe("vendor-parent");
    const [req] = s.apiRequests();
    expect(req?.path).toBe("/v2/provisionedApplications");
    expect(req?.headers.authorization).toMatch(/^Bearer /);
    expect(JSON.parse(req?.body ?? "")).toEqual({
      uniqueForeignId: "cust-42",
      name: created.name,
      description: "Onramp customer cust-42",
      validJsSdkDomains: ["https://onramp.example.com"],
    });
  });

  it("409 is a conflict, and a 5xx is not retried: the create is sent once (L3)", async () => {
    await serve(
      {
        api: () => json(409, { status: 409, message: 'An application with uniqueForeignId "cust-42" already exists' }),
      },
      parent,
    );
    const input = {
      uniqueForeignId: "cust-42",
      customerName: "Acme",
      description: "d",
      callbackUrls: [],
      jsSdkDomains: [],
    };
    const error = await provisionApplication(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkedInError);
    expect((error as LinkedInError).kind).toBe("conflict");
    const s = await serve({ api: () => json(503, {}) }, parent);
    expect(await provisionApplication(input).catch((e: unknown) => (e as LinkedInError).kind)).toBe("unavailable");
    expect(s.apiRequests()).toHaveLength(1);
  });

  it("without the parent keys it refuses before calling LinkedIn", async () => {
    const s = await serve({ api: () => json(500, {}) });
    const error = await provisionApplication({
      uniqueForeignId: "x",
      customerName: "Acme",
      description: "d",
      callbackUrls: [],
      jsSdkDomains: [],
    }).catch((e: unknown) => e);
    expect((error as LinkedInError).kind).toBe("not_configured");
    expect(s.requests).toHaveLength(0);
  });
});
