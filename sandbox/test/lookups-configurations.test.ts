import { describe, expect, it } from "vitest";
import { parseCompoundKey } from "../compound-key";
import { L14_CONFIGURATION_KEYS } from "../settings";
import {
  authorize,
  bodyKey,
  idsQuery,
  putCallbackUrl,
  RSC,
  startTestSandbox,
  useTestSandbox,
  type Tuple,
} from "./helpers";

const sb = useTestSandbox({ batchSpacingMs: 0 });

describe("q=request lookup (C19)", () => {
  it("pages with start/count and links next/prev until every element is read", async () => {
    const c = await sb.customer();
    const tuples = Array.from({ length: 25 }, (_, i) => RSC(`p${i}`));
    await authorize(sb, c.clientId, tuples);
    const { body } = await sb.admin("/_sandbox/requests", { clientId: c.clientId, integrations: tuples });
    const seen: string[] = [];
    let next: string | undefined = `/v2/atsIntegrations?q=request&requestId=${body.requestId}`;
    let pages = 0;
    while (next) {
      const page = await sb.api(next, c.token);
      expect(page.status).toBe(200);
      expect(page.body.paging.count).toBe(10);
      expect(page.body.paging.start).toBe(pages * 10);
      for (const e of page.body.elements) {
        expect(Object.keys(e).sort()).toEqual([
          "dataProvider",
          "integrationContext",
          "integrationType",
          "onboardingStatus",
          "tenantType",
        ]);
        expect(e).toMatchObject({ dataProvider: "ATS", onboardingStatus: "REQUESTED" });
        seen.push(e.integrationContext);
      }
      next = page.body.paging.links.find((l: any) => l.rel === "next")?.href;
      if (next) expect(page.body.paging.links.find((l: any) => l.rel === "next").type).toBe("application/json");
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(tuples.map((t) => t.integrationContext));
    const custom = await sb.api(`/v2/atsIntegrations?q=request&requestId=${body.requestId}&start=20&count=3`, c.token);
    expect(custom.body.elements).toHaveLength(3);
    expect(custom.body.paging.links.map((l: any) => l.rel).sort()).toEqual(["next", "prev"]);
  });

  it("answers 404 to an unknown requestId and to another application's request", async () => {
    const c = await sb.customer();
    const other = await sb.customer();
    const t = RSC("q1");
    await authorize(sb, c.clientId, [t]);
    const { body } = await sb.admin("/_sandbox/requests", { clientId: c.clientId, integrations: [t] });
    expect((await sb.api(`/v2/atsIntegrations?q=request&requestId=${body.requestId}`, c.token)).status).toBe(200);
    expect((await sb.api(`/v2/atsIntegrations?q=request&requestId=${body.requestId}`, other.token)).status).toBe(404);
    expect((await sb.api(`/v2/atsIntegrations?q=request&requestId=nope`, c.token)).status).toBe(404);
    expect((await sb.api(`/v2/atsIntegrations?q=request&requestId=${body.requestId}&count=0`, c.token)).status).toBe(
      400,
    );
  });
});

describe("lookup by ids (C19b)", () => {
  it("answers results for known tuples and errors for unknown ones, with parseable keys", async () => {
    const c = await sb.customer();
    const known = RSC("ids1");
    const unknown = RSC("ids2");
    await authorize(sb, c.clientId, [known]);
    const res = await sb.api(`/v2/atsIntegrations?${idsQuery([known, unknown])}`, c.token);
    expect(res.status).toBe(200);
    expect(res.body.statuses).toEqual({});
    const [resultKey, result] = Object.entries(res.body.results)[0] as [string, any];
    const parsed = parseCompoundKey(resultKey);
    expect(parsed.ok && parsed.value.integrationContext).toBe(known.integrationContext);
    expect(result).toEqual({ onboardingStatus: "REQUESTED" });
    const errorKey = Object.keys(res.body.errors)[0] ?? "";
    const parsedError = parseCompoundKey(errorKey);
    expect(parsedError.ok && parsedError.value.integrationContext).toBe(unknown.integrationContext);
  });

  it("answers an application only about its own integrations: another application's tuple is a 404 in errors", async () => {
    // C19b answers the calling application (C2: its own token); Onramp's widget intake relies on it to tell a
    // tuple the customer authorized from one on someone else's organization (issue 20).
    const owner = await sb.customer();
    const claimant = await sb.customer();
    const t = RSC("ids3");
    await authorize(sb, owner.clientId, [t]);
    const mine = await sb.api(`/v2/atsIntegrations?${idsQuery([t])}`, owner.token);
    expect(Object.keys(mine.body.results)).toHaveLength(1);
    const theirs = await sb.api(`/v2/atsIntegrations?${idsQuery([t])}`, claimant.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body.results).toEqual({});
    expect(Object.values(theirs.body.errors)).toEqual([
      { status: 404, message: expect.stringContaining("No integration") },
    ]);
  });

  it("refuses malformed ids", async () => {
    const c = await sb.customer();
    expect((await sb.api(`/v2/atsIntegrations?${idsQuery([RSC("x")], "CRM")}`, c.token)).status).toBe(400);
    expect((await sb.api(`/v2/atsIntegrations?ids[0].integrationContext=urn:li:organization:1`, c.token)).status).toBe(
      400,
    );
    expect((await sb.api(`/v2/atsIntegrations`, c.token)).status).toBe(400);
  });
});

describe("configurations (C15, C16, C21)", () => {
  const ids = (entities: unknown) =>
    typeof entities === "object" && entities !== null
      ? Object.keys(entities)
          .map((k) => `ids=${encodeURIComponent(k)}`)
          .join("&")
      : "";
  const put = (
    token: string,
    t: Tuple,
    entities: unknown,
    pathKey = encodeURIComponent(bodyKey(t)),
    headers: Record<string, string> = { "x-restli-method": "batch_update" },
    query = ids(entities),
  ) =>
    sb.api(`/v2/atsIntegrations/${pathKey}/configurations?${query}`, token, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ entities }),
    });

  it("stores a CALLBACK_URL per integration and answers it back on GET", async () => {
    const c = await sb.customer();
    const t = RSC("cfg1");
    await authorize(sb, c.clientId, [t]);
    const res = await putCallbackUrl(sb, c.token, t, "https://portal.example.com/api/linkedin/callback/abc");
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual({ CALLBACK_URL: { status: 204 } });
    // The wholly encoded form of the key names the same integration.
    const get = await sb.api(`/v2/atsIntegrations/${encodeURIComponent(bodyKey(t))}/configurations`, c.token);
    expect(get.body.elements).toEqual([
      { key: "CALLBACK_URL", configurationValue: { string: "https://portal.example.com/api/linkedin/callback/abc" } },
    ]);
  });

  it("C21: refuses http, other ports, and loopback unless allowInsecureCallbacks", async () => {
    const strict = await startTestSandbox({ allowInsecureCallbacks: false });
    try {
      const c = await strict.customer();
      const t = RSC("cfg2");
      await authorize(strict, c.clientId, [t]);
      for (const url of [
        "http://portal.example.com/cb",
        "https://portal.example.com:8443/cb",
        "http://127.0.0.1:3000/cb",
        "not a url",
      ]) {
        const res = await putCallbackUrl(strict, c.token, t, url);
        expect(res.status, url).toBe(400);
      }
      expect((await putCallbackUrl(strict, c.token, t, "https://portal.example.com:443/cb")).status).toBe(200);
    } finally {
      await strict.close();
    }
    const c = await sb.customer();
    const t = RSC("cfg3");
    await authorize(sb, c.clientId, [t]);
    expect((await putCallbackUrl(sb, c.token, t, "http://127.0.0.1:3000/cb")).status).toBe(200);
  });

  it("C21: one callback URL never serves two customers", async () => {
    const a = await sb.customer();
    const b = await sb.customer();
    await authorize(sb, a.clientId, [RSC("cfg4")]);
    await authorize(sb, b.clientId, [RSC("cfg5")]);
    expect((await putCallbackUrl(sb, a.token, RSC("cfg4"), "https://portal.example.com/cb/shared")).status).toBe(200);
    const res = await putCallbackUrl(sb, b.token, RSC("cfg5"), "https://portal.example.com/cb/shared");
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/another customer/);
  });

  it("refuses bad shapes, unknown integrations and malformed keys", async () => {
    const c = await sb.customer();
    const t = RSC("cfg6");
    await authorize(sb, c.clientId, [t]);
    expect((await put(c.token, t, { CALLBACK_URL: { string: "https://x.example.com/" } })).status).toBe(400);
    expect(
      (await put(c.token, t, { callback_url: { configurationValue: { string: "https://x.example.com/" } } })).status,
    ).toBe(400);
    expect((await put(c.token, t, {})).status).toBe(400);
    expect((await put(c.token, t, { CALLBACK_URL: { configurationValue: { boolean: true } } })).status).toBe(400);
    expect((await put(c.token, RSC("cfg7"), { X: { configurationValue: { string: "y" } } })).status).toBe(404);
    expect(
      (await put(c.token, t, { X: { configurationValue: { string: "y" } } }, "integrationContext=urn:li:company:1"))
        .status,
    ).toBe(400);
  });

  it("L15: needs x-restli-method batch_update and ?ids= naming exactly the body's keys", async () => {
    const c = await sb.customer();
    const t = RSC("cfg8");
    await authorize(sb, c.clientId, [t]);
    const entities = { CALLBACK_URL: { configurationValue: { string: "https://portal.example.com/cb/8" } } };
    expect((await put(c.token, t, entities, undefined, {})).status).toBe(400);
    expect((await put(c.token, t, entities, undefined, { "x-restli-method": "batch_partial_update" })).status).toBe(
      400,
    );
    expect((await put(c.token, t, entities, undefined, undefined, "")).status).toBe(400);
    expect(
      (await put(c.token, t, entities, undefined, undefined, "ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS")).status,
    ).toBe(400);
    expect((await put(c.token, t, entities, undefined, { "X-RestLi-Method": "BATCH_UPDATE" })).status).toBe(200);
  });

  it("L14: only the type's keys, the viewers keys only ALL_PRODUCT_USERS, each refused alone; DELETE removes a key", async () => {
    const c = await sb.customer();
    const t = RSC("cfg9");
    const indicator = { ...RSC("cfg9"), integrationType: "IN_ATS_INDICATOR" };
    await authorize(sb, c.clientId, [t, indicator]);
    const res = await put(c.token, t, {
      JOB_POSTING_VIEWERS: { configurationValue: { string: "ALL_PRODUCT_USERS" } },
      APPLICATION_VIEWERS: { configurationValue: { string: "ALL_PRODUCT_USERS" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual({ JOB_POSTING_VIEWERS: { status: 204 } });
    expect(res.body.errors.APPLICATION_VIEWERS).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not supported for integration type ONE_CLICK_EXPORT/),
    });
    const wrong = await put(c.token, indicator, {
      APPLICATION_VIEWERS: { configurationValue: { string: "RECRUITERS" } },
    });
    expect(wrong.body.errors.APPLICATION_VIEWERS.message).toMatch(/only takes the value ALL_PRODUCT_USERS/);
    expect(
      (
        await put(c.token, indicator, {
          CALLBACK_URL: { configurationValue: { string: "https://portal.example.com/cb/9" } },
        })
      ).body.errors.CALLBACK_URL,
    ).toBeDefined();

    const path = `/v2/atsIntegrations/${encodeURIComponent(bodyKey(t))}/configurations`;
    expect((await sb.api(path, c.token, { method: "DELETE" })).status).toBe(400);
    expect((await sb.api(`${path}?ids=JOB_POSTING_VIEWERS`, c.token, { method: "DELETE" })).status).toBe(204);
    expect((await sb.api(path, c.token)).body.elements).toEqual([]);

    // The table is a run-time setting: an operator of the sandbox may teach it more keys.
    await sb.admin("/_sandbox/settings", {
      configurationKeys: { ONE_CLICK_EXPORT: ["CALLBACK_URL", "JOB_POSTING_VIEWERS", "APPLICATION_VIEWERS"] },
    });
    try {
      expect(
        (await put(c.token, t, { APPLICATION_VIEWERS: { configurationValue: { string: "ALL_PRODUCT_USERS" } } })).body
          .results,
      ).toEqual({ APPLICATION_VIEWERS: { status: 204 } });
    } finally {
      await sb.admin("/_sandbox/settings", { configurationKeys: L14_CONFIGURATION_KEYS });
    }
  });
});
