// The name sync's calls (C10–C14): the request LinkedIn documents, each entity's answer, batches and their spacing,
// against recorded bodies served from a local node:http server (test-support/recorded-linkedin.ts).
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { compoundKey, tupleId } from "./compound-key";
import {
  BATCH_UPDATE_WITH_ONE_ERROR,
  SEED_BATCH_UPDATE_REQUEST,
  SEED_BATCH_UPDATE_RESPONSE,
} from "./fixtures/recorded";
import { syncIntegrationNames } from "./integration-names";
import { createTestApplication } from "./test-support/applications";
import { json } from "./test-support/recorded-server";
import { parseIdsQuery } from "./test-support/ids-query";
import { seedTuple, org, answerAll204, useRecordedLinkedIn } from "./test-support/recorded-linkedin";

const serve = useRecordedLinkedIn();

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
