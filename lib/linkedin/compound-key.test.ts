import { describe, expect, it } from "vitest";
import {
  CompoundKeyError,
  compoundKey,
  compoundKeyPathSegment,
  idsQuery,
  integrationTuple,
  parseCompoundKey,
  tryParseCompoundKey,
  tupleId,
} from "./compound-key";
import { inBatches } from "./batching";
import { parseIdsQuery } from "./test-support/ids-query";

const seedTuple = integrationTuple({
  integrationContext: "urn:li:organization:4gX03uw",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});

describe("compound keys (C11, C14)", () => {
  it("C11: builds the request key exactly as the seed's sample body writes it", () => {
    expect(compoundKey(seedTuple)).toBe(
      "integrationContext=urn:li:organization:4gX03uw&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS",
    );
  });

  it("C14: parses the seed's answer key, reordered and URL-encoded, to the same tuple", () => {
    const answerKey =
      "integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A4gX03uw";
    expect(answerKey).not.toBe(compoundKey(seedTuple));
    expect(parseCompoundKey(answerKey)).toEqual(seedTuple);
    expect(tupleId(parseCompoundKey(answerKey))).toBe(tupleId(seedTuple));
  });

  it("parses every field order", () => {
    const parts = [
      "integrationContext=urn%3Ali%3Acontract%3A9",
      "integrationType=RSC",
      "tenantType=RECRUITER",
      "dataProvider=ATS",
    ];
    const orders = [parts, [...parts].reverse(), [parts[2], parts[0], parts[3], parts[1]]];
    for (const order of orders) {
      expect(parseCompoundKey(order.join("&"))).toEqual(
        integrationTuple({ integrationContext: "urn:li:contract:9", integrationType: "RSC", tenantType: "RECRUITER" }),
      );
    }
  });

  it("round-trips values containing the key's own delimiters", () => {
    const odd = integrationTuple({
      integrationContext: "urn:li:organization:a&b=c%d",
      integrationType: "T Y",
      tenantType: "é",
    });
    expect(parseCompoundKey(compoundKey(odd))).toEqual(odd);
    expect(parseCompoundKey(compoundKeyPathSegment(odd))).toEqual(odd);
  });

  it("decodes a key whose delimiters were encoded too", () => {
    expect(parseCompoundKey(encodeURIComponent(compoundKey(seedTuple)))).toEqual(seedTuple);
  });

  it("path segment encodes values fully and keeps delimiters", () => {
    expect(compoundKeyPathSegment(seedTuple)).toBe(
      "integrationContext=urn%3Ali%3Aorganization%3A4gX03uw&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS",
    );
  });

  it.each([
    ["missing field", "integrationContext=urn:li:organization:1&integrationType=X&dataProvider=ATS"],
    [
      "unknown field",
      "integrationContext=urn:li:organization:1&integrationType=X&tenantType=R&dataProvider=ATS&color=red",
    ],
    ["repeated field", "integrationContext=a&integrationContext=b&integrationType=X&tenantType=R&dataProvider=ATS"],
    [
      "C12: dataProvider not ATS",
      "integrationContext=urn:li:organization:1&integrationType=X&tenantType=R&dataProvider=HRIS",
    ],
    ["part without =", "integrationContext&integrationType=X&tenantType=R&dataProvider=ATS"],
    ["malformed encoding", "integrationContext=urn%ZZ&integrationType=X&tenantType=R&dataProvider=ATS"],
  ])("refuses a key with a %s", (_why, key) => {
    expect(() => parseCompoundKey(key)).toThrow(CompoundKeyError);
    expect(tryParseCompoundKey(key)).toBeUndefined();
  });

  it("C10/C19b: builds the ids[i] query with encoded values and reads it back", () => {
    const second = integrationTuple({
      integrationContext: "urn:li:contract:77",
      integrationType: "RSC",
      tenantType: "RECRUITER",
    });
    const q = idsQuery([seedTuple, second]);
    expect(q).toBe(
      "ids[0].integrationContext=urn%3Ali%3Aorganization%3A4gX03uw&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS" +
        "&ids[1].integrationContext=urn%3Ali%3Acontract%3A77&ids[1].integrationType=RSC&ids[1].tenantType=RECRUITER&ids[1].dataProvider=ATS",
    );
    // What a server sees after URL parsing, brackets literal or encoded.
    expect(parseIdsQuery(new URL(`https://x.test/v2/atsIntegrations?${q}`).searchParams)).toEqual([seedTuple, second]);
    expect(parseIdsQuery(new URLSearchParams(q.replaceAll("[", "%5B").replaceAll("]", "%5D")))).toEqual([
      seedTuple,
      second,
    ]);
  });

  it("C13: batches of at most 100", () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(inBatches(items).map((b) => b.length)).toEqual([100, 100, 50]);
    expect(inBatches([], 100)).toEqual([]);
    expect(() => inBatches(items, 0)).toThrow(RangeError);
  });
});
