import { describe, expect, it } from "vitest";
import { NO_RESULT_RETURNED, batchUpdateOutcomes, idsLookupOutcomes } from "./batch-results";
import { compoundKey, integrationTuple, parseCompoundKey } from "./compound-key";
import {
  BATCH_UPDATE_WITH_ONE_ERROR,
  REQUEST_LOOKUP_PAGE_1,
  REQUEST_LOOKUP_PAGE_2,
  SEED_BATCH_UPDATE_REQUEST,
  SEED_BATCH_UPDATE_RESPONSE,
  SEED_IDS_LOOKUP_RESPONSE,
  SEED_REQUEST_LOOKUP_RESPONSE,
} from "./fixtures/recorded";
import {
  accessTokenResponseSchema,
  batchUpdateResponseSchema,
  idsLookupResponseSchema,
  provisionedApplicationSchema,
  requestLookupResponseSchema,
} from "./schemas";
import { describeErrorBody } from "./error-body";

const seedTuple = integrationTuple({
  integrationContext: "urn:li:organization:4gX03uw",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});
const org = (n: number) =>
  integrationTuple({ integrationContext: `urn:li:organization:${n}`, integrationType: "RSC", tenantType: "RECRUITER" });

describe("recorded answers (C14, C19, C19b)", () => {
  it("C11: the seed's request body key is our compound key", () => {
    const body = JSON.parse(SEED_BATCH_UPDATE_REQUEST) as { entities: Record<string, unknown> };
    expect(Object.keys(body.entities)).toEqual([compoundKey(seedTuple)]);
  });

  it("C14: the seed's batch answer (reordered, URL-encoded key, status 204) marks the tuple synced", () => {
    const body = batchUpdateResponseSchema.parse(JSON.parse(SEED_BATCH_UPDATE_RESPONSE));
    expect(batchUpdateOutcomes([seedTuple], body)).toEqual([{ tuple: seedTuple, ok: true, status: 204 }]);
  });

  it("C14: an entity in errors among successes fails alone, with LinkedIn's message", () => {
    const body = batchUpdateResponseSchema.parse(JSON.parse(BATCH_UPDATE_WITH_ONE_ERROR));
    const [one, two, three] = batchUpdateOutcomes([org(1), org(2), org(3)], body);
    expect(one).toMatchObject({ ok: true, status: 204 });
    expect(three).toMatchObject({ ok: true, status: 204 });
    expect(two).toMatchObject({ ok: false, status: 404 });
    expect(two?.error).toContain("No integration RSC/RECRUITER for urn:li:organization:2");
  });

  it("C14: a non-2xx per-entity status fails; an entity missing from both fails with 'no result'", () => {
    const body = batchUpdateResponseSchema.parse({
      results: { [compoundKey(org(1))]: { status: 422 } },
    });
    const [one, two] = batchUpdateOutcomes([org(1), org(2)], body);
    expect(one).toMatchObject({ ok: false, status: 422 });
    expect(two).toEqual({ tuple: org(2), ok: false, status: null, error: NO_RESULT_RETURNED });
  });

  it("C14: a result key that does not parse is matched to nothing", () => {
    const body = batchUpdateResponseSchema.parse({ errors: {}, results: { "integrationContext=x": { status: 204 } } });
    expect(batchUpdateOutcomes([org(1)], body)[0]).toMatchObject({ ok: false, error: NO_RESULT_RETURNED });
  });

  it("C19: the seed's q=request answer parses", () => {
    const body = requestLookupResponseSchema.parse(JSON.parse(SEED_REQUEST_LOOKUP_RESPONSE));
    expect(body.elements).toHaveLength(1);
    expect(body.elements[0]).toMatchObject({
      integrationContext: "urn:li:organization:2414183",
      onboardingStatus: "ENABLED",
    });
    expect(body.paging).toEqual({ count: 10, links: [], start: 0 });
    expect(requestLookupResponseSchema.parse(JSON.parse(REQUEST_LOOKUP_PAGE_1)).paging.links[0]?.rel).toBe("next");
    expect(requestLookupResponseSchema.parse(JSON.parse(REQUEST_LOOKUP_PAGE_2)).elements).toHaveLength(1);
  });

  it("C18: an unknown onboarding status is refused, not guessed", () => {
    const bad = JSON.parse(SEED_REQUEST_LOOKUP_RESPONSE) as { elements: { onboardingStatus: string }[] };
    (bad.elements[0] as { onboardingStatus: string }).onboardingStatus = "DISABLED";
    expect(requestLookupResponseSchema.safeParse(bad).success).toBe(false);
  });

  it("C19b: the seed's ids answer gives the tuple its name and status", () => {
    const body = idsLookupResponseSchema.parse(JSON.parse(SEED_IDS_LOOKUP_RESPONSE));
    expect(idsLookupOutcomes([seedTuple], body)).toEqual([
      {
        tuple: seedTuple,
        ok: true,
        integrationName: "My Customer's LinkedIn Recruiter One-Click Export Integration",
        onboardingStatus: "ENABLED",
      },
    ]);
  });

  it("C19b: errors and statuses of the ids answer become per-tuple errors", () => {
    const encoded = (n: number) =>
      `dataProvider=ATS&tenantType=RECRUITER&integrationType=RSC&integrationContext=urn%3Ali%3Aorganization%3A${n}`;
    const body = idsLookupResponseSchema.parse({
      errors: { [encoded(2)]: { status: 403, message: "not yours" } },
      results: { [encoded(1)]: { onboardingStatus: "PARTNER_READY" } },
      statuses: { [encoded(3)]: 404 },
    });
    const [one, two, three, four] = idsLookupOutcomes([org(1), org(2), org(3), org(4)], body);
    expect(one).toMatchObject({ ok: true, onboardingStatus: "PARTNER_READY" });
    expect(two).toMatchObject({ ok: false, status: 403 });
    expect(three).toMatchObject({ ok: false, status: 404 });
    expect(four).toMatchObject({ ok: false, status: null, error: NO_RESULT_RETURNED });
    expect(parseCompoundKey(encoded(1))).toEqual(org(1));
  });

  it("token answers: expires_in as a string or a number (L1); provisioning answers with the URN (L4)", () => {
    expect(accessTokenResponseSchema.parse({ access_token: "t", expires_in: 1800 }).expires_in).toBe(1800);
    expect(accessTokenResponseSchema.parse({ access_token: "t", expires_in: "1800" }).expires_in).toBe(1800);
    for (const bad of ["", "soon", "-5", 0, "12.5"])
      expect(accessTokenResponseSchema.safeParse({ access_token: "t", expires_in: bad }).success).toBe(false);
    expect(accessTokenResponseSchema.safeParse({ access_token: "", expires_in: 1 }).success).toBe(false);
    const answer = {
      key: "urn:li:developerApplication:42",
      credentials: { client_id: "78abc", client_secret: "s3cr3t" },
    };
    expect(provisionedApplicationSchema.parse(answer)).toEqual({
      urn: "urn:li:developerApplication:42",
      clientId: "78abc",
      clientSecret: "s3cr3t",
    });
    expect(provisionedApplicationSchema.safeParse({ ...answer, key: "78abc" }).success).toBe(false);
    expect(provisionedApplicationSchema.safeParse({ key: answer.key }).success).toBe(false);
  });

  it("error bodies give LinkedIn's own words", () => {
    expect(describeErrorBody('{"status":409,"message":"already exists","serviceErrorCode":0}')).toBe("already exists");
    expect(describeErrorBody('{"error":"invalid_client","error_description":"Client authentication failed"}')).toBe(
      "Client authentication failed",
    );
    expect(describeErrorBody("<html>")).toBe("");
  });
});
