// The configuration calls (C15–C17, L15): the PUT and DELETE of LinkedIn's collection and its per-key answers,
// against recorded bodies served from a local node:http server (test-support/recorded-linkedin.ts).
import { describe, expect, it } from "vitest";
import { parseCompoundKey } from "./compound-key";
import { deleteIntegrationConfigurations, writeIntegrationConfigurations } from "./configurations";
import { LinkedInError } from "./errors";
import { createTestApplication } from "./test-support/applications";
import { json } from "./test-support/recorded-server";
import { seedTuple, useRecordedLinkedIn } from "./test-support/recorded-linkedin";

const serve = useRecordedLinkedIn();

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
