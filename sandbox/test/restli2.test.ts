// The sandbox's Rest.li 2.0 and the versioned family (L22–L26). Keys are written out by hand: nothing here uses
// the portal's encoder, so a mistake shared by both sides can not pass unseen.
import { describe, expect, it } from "vitest";
import { canonical2, parseKey2, parseList2, parsePathKey2 } from "../restli2";
import { authorize, batchInit, RSC, startTestSandbox, useTestSandbox } from "./helpers";

const sb = useTestSandbox({ batchSpacingMs: 0 });

const V = { "LinkedIn-Version": "202604", "X-Restli-Protocol-Version": "2.0.0" };
// L24's own example key, in the URL (values fully encoded) and body (reduced) forms.
const urlKey = (org: string) =>
  `(integrationContext:urn%3Ali%3Aorganization%3A${org},integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)`;
const bodyKey2 = urlKey;

describe("the sandbox's 2.0 parser (L24, L25)", () => {
  it("L24: reads the example key, lists, '' and refuses 1.0 syntax and unencoded values", () => {
    expect(parseKey2(urlKey("123"), "url")).toEqual({
      ok: true,
      value: {
        integrationContext: "urn:li:organization:123",
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
      },
    });
    expect(parseKey2("(a:'')", "body")).toEqual({ ok: true, value: { a: "" } });
    expect(parseList2("List()")).toEqual({ ok: true, value: [] });
    expect(parseList2("List((a:1),(a:2))")).toEqual({ ok: true, value: [{ a: "1" }, { a: "2" }] });
    const oneO = parseKey2("integrationContext=urn%3Ali%3Aorganization%3A1&integrationType=X", "url");
    expect(oneO.ok === false && oneO.error).toMatch(/1\.0 syntax/);
    expect(parseKey2("(a:urn:li:x)", "url").ok).toBe(false);
    expect(parseKey2("(a:two words)", "url").ok).toBe(false);
    expect(parseKey2("(a:two words)", "body")).toEqual({ ok: true, value: { a: "two words" } });
    expect(parseKey2("(a:1,a:2)", "body").ok).toBe(false);
  });

  it("L24: a path key is accepted literal and fully encoded", () => {
    const literal = parsePathKey2(urlKey("9"));
    expect(literal.ok).toBe(true);
    expect(parsePathKey2(encodeURIComponent(urlKey("9")))).toEqual(literal);
    expect(parsePathKey2(encodeURIComponent(urlKey("9")).replace(/\(/g, "%28").replace(/\)/g, "%29"))).toEqual(literal);
  });

  it("L25: canonical keys sort parts by name and encode only % , ( ) ' :", () => {
    expect(canonical2({ tenantType: "RECRUITER", integrationContext: "urn:li:contract:1", b: "x y,(z)'" })).toBe(
      "(b:x y%2C%28z%29%27,integrationContext:urn%3Ali%3Acontract%3A1,tenantType:RECRUITER)",
    );
  });
});

describe("rest/integrations (L22–L25)", () => {
  it("L22, L24, L25: batch_partial_update with 2.0 keys; X-RestLi-Method in any case; answers keyed canonically", async () => {
    const c = await sb.customer();
    await authorize(sb, c.clientId, [RSC("r1")]);
    const body = { entities: { [bodyKey2("r1")]: { patch: { $set: { integrationName: "Acme" } } } } };
    const init = batchInit(body, "BATCH_PARTIAL_UPDATE");
    const res = await sb.api(`/rest/integrations?ids=List(${urlKey("r1")})`, c.token, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...V },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: {}, results: { [bodyKey2("r1")]: { status: 204 } } });
    const got = await sb.api(`/rest/integrations?ids=List(${urlKey("r1")})`, c.token, { headers: V });
    expect(got.body.results).toEqual({ [bodyKey2("r1")]: { integrationName: "Acme", onboardingStatus: "REQUESTED" } });
  });

  it("L23: /rest/ without LinkedIn-Version is refused with LinkedIn's error body and X-RestLi-Error-Response", async () => {
    const c = await sb.customer();
    const res = await sb.api(`/rest/integrations?ids=List(${urlKey("x")})`, c.token, {
      headers: { "X-Restli-Protocol-Version": "2.0.0" },
    });
    expect(res.status).toBe(426);
    expect(res.body).toMatchObject({ status: 426, serviceErrorCode: expect.any(Number), message: expect.any(String) });
    expect(res.headers.get("x-restli-error-response")).toBe("true");
  });

  it("L22: a rest key carrying dataProvider is refused; L24: 1.0 ids under the 2.0 header are refused", async () => {
    const c = await sb.customer();
    const withProvider = `(dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)`;
    const a = await sb.api(`/rest/integrations?ids=List(${withProvider})`, c.token, { headers: V });
    expect(a.status).toBe(400);
    expect(a.body.message).toMatch(/dataProvider/);
    const b = await sb.api(
      "/v2/atsIntegrations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A1&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS",
      c.token,
      { headers: { "X-Restli-Protocol-Version": "2.0.0" } },
    );
    expect(b.status).toBe(400);
    expect(b.body.message).toMatch(/1\.0 syntax/);
  });

  it("L24: v2 configurations under 2.0 take the path key literal and encoded", async () => {
    const c = await sb.customer();
    await authorize(sb, c.clientId, [RSC("p1")]);
    const v2Key = `(dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3Ap1,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)`;
    const fully = encodeURIComponent(v2Key).replace(/\(/g, "%28").replace(/\)/g, "%29");
    for (const segment of [v2Key, encodeURIComponent(v2Key), fully]) {
      const res = await sb.api(`/v2/atsIntegrations/${segment}/configurations?ids=List(JOB_POSTING_VIEWERS)`, c.token, {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          "X-RestLi-Method": "batch_update",
          "X-Restli-Protocol-Version": "2.0.0",
        },
        body: JSON.stringify({
          entities: { JOB_POSTING_VIEWERS: { configurationValue: { string: "ALL_PRODUCT_USERS" } } },
        }),
      });
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual({ JOB_POSTING_VIEWERS: { status: 204 } });
    }
  });

  it("ASSUMPTION (api-versions.ts): rest/integrationConfigurations batch_update and batch_delete, keyed canonically", async () => {
    const c = await sb.customer();
    await authorize(sb, c.clientId, [RSC("c1")]);
    const key = `(integrationContext:urn%3Ali%3Aorganization%3Ac1,integrationType:ONE_CLICK_EXPORT,key:CALLBACK_URL,tenantType:RECRUITER)`;
    const put = await sb.api(`/rest/integrationConfigurations?ids=List(${key})`, c.token, {
      method: "PUT",
      headers: { ...V, "Content-Type": "application/json", "X-RestLi-Method": "Batch_Update" },
      body: JSON.stringify({ entities: { [key]: { configurationValue: { string: "https://ats.example/li/c1" } } } }),
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ errors: {}, results: { [key]: { status: 204 } } });
    const del = await sb.api(`/rest/integrationConfigurations?ids=List(${key})`, c.token, {
      method: "DELETE",
      headers: { ...V, "X-RestLi-Method": "batch_delete" },
    });
    expect(del.status).toBe(200);
    const state = await sb.admin(`/_sandbox/integrations?clientId=${c.clientId}`);
    expect(JSON.stringify(state.body)).not.toContain("https://ats.example/li/c1");
  });
});

describe("URL limits and tunnelling (L26)", () => {
  it("answers 414 to a GET whose query passes 4 KB, and the same query tunnelled as a POST", async () => {
    const c = await sb.customer();
    const tuples = Array.from({ length: 40 }, (_, i) => RSC(`t${i}`));
    await authorize(sb, c.clientId, tuples);
    const query = `ids=List(${tuples.map((_, i) => urlKey(`t${i}`)).join(",")})`;
    expect(query.length).toBeGreaterThan(4096);
    expect((await sb.api(`/rest/integrations?${query}`, c.token, { headers: V })).status).toBe(414);
    const tunnelled = await sb.api("/rest/integrations", c.token, {
      method: "POST",
      headers: { ...V, "X-HTTP-Method-Override": "GET", "Content-Type": "application/x-www-form-urlencoded" },
      body: query,
    });
    expect(tunnelled.status).toBe(200);
    expect(Object.keys(tunnelled.body.results)).toHaveLength(40);
  });
});

describe("daily limits per resource family (L17)", () => {
  it("counts rest/integrations apart from v2/atsIntegrations", async () => {
    const own = await startTestSandbox({
      batchSpacingMs: 0,
      dailyLimits: { "rest/integrations": 1, "v2/atsIntegrations": 5 },
    });
    try {
      const c = await own.customer();
      await authorize(own, c.clientId, [RSC("d1")]);
      const rest = () => own.api(`/rest/integrations?ids=List(${urlKey("d1")})`, c.token, { headers: V });
      expect((await rest()).status).toBe(200);
      const second = await rest();
      expect(second.status).toBe(429);
      expect(second.body.serviceErrorCode).toBe(101);
      const v2 = await own.api(
        "/v2/atsIntegrations?ids[0].integrationContext=urn%3Ali%3Aorganization%3Ad1&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS",
        c.token,
      );
      expect(v2.status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
