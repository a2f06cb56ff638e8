// The status look-ups (C19, C19b): q=request with its paging, and the ids look-up of tuples, paced,
// against recorded bodies served from a local node:http server (test-support/recorded-linkedin.ts).
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { compoundKey, integrationTuple, tupleId } from "./compound-key";
import { LinkedInError } from "./errors";
import {
  REQUEST_LOOKUP_PAGE_1,
  REQUEST_LOOKUP_PAGE_2,
  SEED_IDS_LOOKUP_RESPONSE,
  SEED_REQUEST_LOOKUP_RESPONSE,
} from "./fixtures/recorded";
import { MAX_PAGES, lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
import { createTestApplication } from "./test-support/applications";
import { inOrder, json } from "./test-support/recorded-server";
import { parseIdsQuery } from "./test-support/ids-query";
import { seedTuple, org, useRecordedLinkedIn } from "./test-support/recorded-linkedin";

const serve = useRecordedLinkedIn();

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
    // L26: both queries pass 4,000 characters, so both GETs are tunnelled.
    expect(calls.map((c) => [c.method, c.headers["x-http-method-override"], c.url.includes("?")])).toEqual([
      ["POST", "GET", false],
      ["POST", "GET", false],
    ]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(env().LINKEDIN_BATCH_SPACING_MS);
  });
});
