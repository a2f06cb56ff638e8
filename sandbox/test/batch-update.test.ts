import { describe, expect, it } from "vitest";
import { parseCompoundKey } from "../compound-key";
import {
  authorize,
  batchBody,
  batchInit,
  bodyKey,
  idsQuery,
  RSC,
  startTestSandbox,
  useTestSandbox,
  type Tuple,
} from "./helpers";

// Spacing is tested on its own below; here every call may follow the last at once.
const sb = useTestSandbox({ batchSpacingMs: 0 });

async function customerWith(tuples: Tuple[]) {
  const c = await sb.customer();
  await authorize(sb, c.clientId, tuples);
  return c;
}

const post = (
  token: string,
  tuples: Tuple[],
  body: unknown = batchBody(tuples),
  method: string | null = "batch_partial_update",
) => sb.api(`/v2/atsIntegrations?${idsQuery(tuples)}`, token, batchInit(body, method));

describe("batch_partial_update (C10–C14)", () => {
  it("answers 200 with results keyed in LinkedIn's reordered, URL-encoded form, and stores the name", async () => {
    const t = RSC("4gX03uw");
    const c = await customerWith([t]);
    const res = await post(c.token, [t]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      errors: {},
      results: {
        "integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A4gX03uw":
          { status: 204 },
      },
    });
    const state = await sb.admin("/_sandbox/state");
    const stored = state.body.integrations.find((i: any) => i.clientId === c.clientId);
    expect(stored).toMatchObject({ integrationName: "Acme ONE_CLICK_EXPORT", onboardingStatus: "REQUESTED" });
  });

  it("C14: an entity the customer never authorized fails alone, in errors, while the others succeed", async () => {
    const ok = RSC("111");
    const unknown = RSC("999");
    const c = await customerWith([ok]);
    const res = await post(c.token, [ok, unknown]);
    expect(res.status).toBe(200);
    const resultKeys = Object.keys(res.body.results).map((k) => parseCompoundKey(k));
    const errorKeys = Object.keys(res.body.errors).map((k) => parseCompoundKey(k));
    expect(resultKeys.map((k) => k.ok && k.value.integrationContext)).toEqual([ok.integrationContext]);
    expect(errorKeys.map((k) => k.ok && k.value.integrationContext)).toEqual([unknown.integrationContext]);
    expect(Object.values(res.body.errors)[0]).toMatchObject({ status: 404 });
  });

  it("an integration authorized by another application is not this application's", async () => {
    const t = RSC("222");
    await customerWith([t]);
    const other = await sb.customer();
    const res = await post(other.token, [t]);
    expect(Object.keys(res.body.results)).toHaveLength(0);
    expect(Object.keys(res.body.errors)).toHaveLength(1);
  });

  it("refuses a call without x-restli-method: batch_partial_update", async () => {
    const t = RSC("333");
    const c = await customerWith([t]);
    const missing = await post(c.token, [t], batchBody([t]), null);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/x-restli-method/);
    expect((await post(c.token, [t], batchBody([t]), "partial_update")).status).toBe(400);
    const violations = await sb.admin("/_sandbox/violations");
    expect(
      violations.body.rejections.some((r: any) => r.clientId === c.clientId && /x-restli-method/.test(r.reason)),
    ).toBe(true);
  });

  it("refuses query ids that do not match the body's entity keys", async () => {
    const [a, b] = [RSC("401"), RSC("402")];
    const c = await customerWith([a, b]);
    const res = await sb.api(`/v2/atsIntegrations?${idsQuery([a])}`, c.token, batchInit(batchBody([a, b])));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/match/);
    const fewer = await sb.api(`/v2/atsIntegrations?${idsQuery([a, b])}`, c.token, batchInit(batchBody([b])));
    expect(fewer.status).toBe(400);
  });

  it("matches query ids and body keys as compound keys: reordered, encoded body keys are the same entities", async () => {
    const t = RSC("403");
    const c = await customerWith([t]);
    const reordered = `tenantType=RECRUITER&dataProvider=ATS&integrationType=ONE_CLICK_EXPORT&integrationContext=${encodeURIComponent(t.integrationContext)}`;
    const res = await sb.api(
      `/v2/atsIntegrations?${idsQuery([t])}`,
      c.token,
      batchInit({ entities: { [reordered]: { patch: { $set: { integrationName: "X" } } } } }),
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.results)).toHaveLength(1);
  });

  it("refuses more than 100 entities (C13)", async () => {
    const c = await sb.customer();
    const tuples = Array.from({ length: 101 }, (_, i) => RSC(`org${i}`));
    const res = await post(c.token, tuples);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/100/);
    const hundred = await post(c.token, tuples.slice(0, 100));
    expect(hundred.status).toBe(200);
    expect(Object.keys(hundred.body.errors)).toHaveLength(100);
  });

  it("refuses a dataProvider other than ATS and a malformed integrationContext (C12)", async () => {
    const c = await sb.customer();
    const t = RSC("500");
    const crm = await sb.api(
      `/v2/atsIntegrations?${idsQuery([t], "CRM")}`,
      c.token,
      batchInit({ entities: { [bodyKey(t).replace("ATS", "CRM")]: { patch: { $set: { integrationName: "x" } } } } }),
    );
    expect(crm.status).toBe(400);
    expect(crm.body.message).toMatch(/dataProvider/);
    const bad: Tuple = { ...t, integrationContext: "urn:li:company:500" };
    const res = await post(c.token, [bad]);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/integrationContext/);
  });

  it("refuses patches that are not {patch:{$set:{integrationName}}} with a non-empty name (C11)", async () => {
    const t = RSC("600");
    const c = await customerWith([t]);
    const k = bodyKey(t);
    for (const entity of [
      { patch: { $set: { integrationName: "" } } },
      { patch: { $set: { name: "x" } } },
      { $set: { integrationName: "x" } },
      { patch: { $set: { integrationName: "x", extra: 1 } } },
    ]) {
      const res = await post(c.token, [t], { entities: { [k]: entity } });
      expect(res.status, JSON.stringify(entity)).toBe(400);
    }
    expect((await post(c.token, [t], { entities: {} })).status).toBe(400);
  });

  it("refuses a parent-application token: integrations belong to customer applications (C2)", async () => {
    const parent = await sb.token("sandbox-parent-id", "sandbox-parent-secret");
    expect((await post(parent, [RSC("700")])).status).toBe(403);
  });
});

describe("C13 spacing: at least one second between batch calls of one application", () => {
  it("answers 429 to a call less than 1000 ms after the previous one and counts the violation", async () => {
    const strict = await startTestSandbox();
    try {
      const t = RSC("800");
      const c = await strict.customer();
      await authorize(strict, c.clientId, [t]);
      const other = await strict.customer();
      const call = (token: string) =>
        strict.api(`/v2/atsIntegrations?${idsQuery([t])}`, token, batchInit(batchBody([t])));
      expect((await call(c.token)).status).toBe(200);
      const second = await call(c.token);
      expect(second.status).toBe(429);
      // Another application has its own spacing.
      expect((await call(other.token)).status).toBe(200);
      const v = await strict.admin("/_sandbox/violations");
      expect(v.body.spacingByApplication).toEqual({ [c.clientId]: 1 });
      expect(v.body.spacing[0]).toMatchObject({ clientId: c.clientId, requiredMs: 1000 });
      expect(v.body.spacing[0].sinceLastMs).toBeLessThan(1000);
      const calls = await strict.admin(`/_sandbox/calls?endpoint=batch_partial_update&clientId=${c.clientId}`);
      expect(calls.body.calls.map((x: any) => x.status)).toEqual([200, 429]);
      expect(calls.body.calls[0].entityCount).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it("accepts a call once the spacing has passed", async () => {
    const quick = await startTestSandbox({ batchSpacingMs: 100 });
    try {
      const t = RSC("801");
      const c = await quick.customer();
      await authorize(quick, c.clientId, [t]);
      const call = () => quick.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token, batchInit(batchBody([t])));
      expect((await call()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 120)); // time itself is what is under test here
      expect((await call()).status).toBe(200);
      expect((await quick.admin("/_sandbox/violations")).body.spacing).toEqual([]);
    } finally {
      await quick.close();
    }
  });
});
