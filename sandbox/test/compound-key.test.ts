import { describe, expect, it } from "vitest";
import { formatAnswerKey, keyProblem, parseCompoundKey, parseIdsQuery } from "../compound-key";

const seedKey =
  "integrationContext=urn:li:organization:4gX03uw&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS";
const seedAnswerKey =
  "integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A4gX03uw";

describe("compound keys (C14)", () => {
  it("formats the answer key exactly like seed 001's sample response", () => {
    const key = parseCompoundKey(seedKey);
    expect(key.ok && formatAnswerKey(key.value)).toBe(seedAnswerKey);
  });

  it("parses reordered, URL-encoded keys to the same key", () => {
    const a = parseCompoundKey(seedKey);
    const b = parseCompoundKey(seedAnswerKey);
    expect(a.ok && b.ok && a.value).toEqual(b.ok && b.value);
  });

  it("refuses unknown, duplicate and missing fields", () => {
    expect(parseCompoundKey(`${seedKey}&extra=1`).ok).toBe(false);
    expect(parseCompoundKey(`${seedKey}&dataProvider=ATS`).ok).toBe(false);
    expect(parseCompoundKey("integrationContext=urn:li:organization:1&integrationType=X").ok).toBe(false);
    expect(parseCompoundKey("integrationContext=%E0%A4%A&integrationType=X&tenantType=Y&dataProvider=ATS").ok).toBe(
      false,
    );
  });

  it("C12: dataProvider must be ATS and the context an organization or contract urn", () => {
    const base = {
      integrationContext: "urn:li:contract:77",
      integrationType: "ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
      dataProvider: "ATS",
    };
    expect(keyProblem(base)).toBeNull();
    expect(keyProblem({ ...base, dataProvider: "CRM" })).toMatch(/dataProvider/);
    expect(keyProblem({ ...base, dataProvider: "PARTNER" })).toMatch(/must be ATS/);
    // L28: a CRM tuple's dataProvider is unknown: ATS and PARTNER are both taken, nothing else.
    expect(keyProblem({ ...base, integrationType: "CRM_CSA_API", dataProvider: "PARTNER" })).toBeNull();
    expect(keyProblem({ ...base, integrationType: "CRM_ONE_CLICK_EXPORT", dataProvider: "ATS" })).toBeNull();
    expect(keyProblem({ ...base, integrationType: "IN_CRM_INDICATOR", dataProvider: "CRM" })).toMatch(/L28/);
    expect(keyProblem({ ...base, integrationContext: "urn:li:company:77" })).toMatch(/integrationContext/);
    expect(keyProblem({ ...base, integrationContext: "77" })).toMatch(/integrationContext/);
  });

  it("parses ids[i].* query parameters and refuses gaps and strangers", () => {
    const q = new URLSearchParams(
      "ids%5B0%5D.integrationContext=urn%3Ali%3Aorganization%3A1&ids[0].integrationType=A&ids[0].tenantType=B&ids[0].dataProvider=ATS",
    );
    const parsed = parseIdsQuery(q);
    expect(parsed.ok && parsed.value).toEqual([
      { integrationContext: "urn:li:organization:1", integrationType: "A", tenantType: "B", dataProvider: "ATS" },
    ]);
    const gap = new URLSearchParams(q.toString().replace(/ids%5B0%5D/g, "ids%5B1%5D"));
    expect(parseIdsQuery(gap).ok).toBe(false);
    q.set("foo", "bar");
    expect(parseIdsQuery(q).ok).toBe(false);
    expect(parseIdsQuery(q, ["foo"]).ok).toBe(true);
  });
});
