// What every call to v2/atsIntegrations shares (C13, C30, L16, L17): the LinkedIn-Version header, one pacing and
// one daily budget per application and resource, against recorded bodies served from a local node:http server (test-support/recorded-linkedin.ts).
import { describe, expect, it } from "vitest";
import { writeIntegrationConfigurations } from "./configurations";
import { dailyBudget } from "./call-count";
import { ENDPOINTS } from "./endpoints";
import { syncIntegrationNames } from "./integration-names";
import { lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
import { createTestApplication } from "./test-support/applications";
import { json } from "./test-support/recorded-server";
import { seedTuple, org, answerAll204, useRecordedLinkedIn } from "./test-support/recorded-linkedin";

const serve = useRecordedLinkedIn();

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
