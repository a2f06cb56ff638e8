import { describe, expect, it } from "vitest";
import {
  canonicalKey,
  decodeKey,
  decodeList,
  encodeBodyValue,
  encodeKey,
  encodeList,
  encodeUrlValue,
  RestliSyntaxError,
} from "./restli2";

const l24Key = {
  integrationContext: "urn:li:organization:123",
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
};

describe("Rest.li 2.0 encoding (L24)", () => {
  it("L24: writes the integration key of rest/integrations exactly as the example", () => {
    expect(encodeKey(l24Key, "url")).toBe(
      "(integrationContext:urn%3Ali%3Aorganization%3A123,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)",
    );
  });

  it("L24: a URL value is fully percent-encoded; body values encode only % , ( ) ' :", () => {
    expect(encodeUrlValue("urn:li:organization:123")).toBe("urn%3Ali%3Aorganization%3A123");
    expect(encodeUrlValue("a b(c)'d,e")).toBe("a%20b%28c%29%27d%2Ce");
    expect(encodeBodyValue("urn:li:organization:123")).toBe("urn%3Ali%3Aorganization%3A123");
    expect(encodeBodyValue("a b(c)'d,e%")).toBe("a b%28c%29%27d%2Ce%25");
  });

  it("L24: compound keys (a:1,b:2), batch ids List((…),(…)), empty list List() and empty string ''", () => {
    expect(encodeKey({ a: "1", b: "2" }, "url")).toBe("(a:1,b:2)");
    expect(encodeList([{ a: "1" }, { a: "2" }], "url")).toBe("List((a:1),(a:2))");
    expect(encodeList([], "url")).toBe("List()");
    expect(encodeKey({ a: "" }, "body")).toBe("(a:'')");
    expect(decodeKey("(a:'')")).toEqual({ a: "" });
    expect(decodeList("List()")).toEqual([]);
    expect(decodeList("List((a:1,b:2),(a:3,b:4))")).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    expect(decodeList("List(CALLBACK_URL,APPLICATION_VIEWERS)")).toEqual(["CALLBACK_URL", "APPLICATION_VIEWERS"]);
  });

  it("L24: decodes the example key literal and encoded alike", () => {
    const body =
      "(integrationContext:urn%3Ali%3Aorganization%3A123,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)";
    expect(decodeKey(body)).toEqual(l24Key);
    expect(decodeKey(decodeURIComponent(encodeURIComponent(body)))).toEqual(l24Key);
  });

  it("L25: answers are keyed canonically, parts sorted by name", () => {
    expect(
      canonicalKey({
        tenantType: "RECRUITER",
        integrationType: "ONE_CLICK_EXPORT",
        integrationContext: "urn:li:contract:9",
      }),
    ).toBe("(integrationContext:urn%3Ali%3Acontract%3A9,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)");
    // Another order of the same parts decodes to the same key: look results up by decoded key, never by text.
    expect(decodeKey("(tenantType:RECRUITER,integrationContext:urn%3Ali%3Acontract%3A9,integrationType:X)")).toEqual({
      tenantType: "RECRUITER",
      integrationContext: "urn:li:contract:9",
      integrationType: "X",
    });
  });

  it.each([
    "a,b",
    "(x)",
    "f(o)o",
    "k:v",
    "it's",
    "two words",
    "all , ( ) : ' % and spaces",
    "urn:li:organization:(1,2)",
    "ünïcödé ✓",
  ])("round-trips %j through both encodings", (value) => {
    const key = { integrationContext: value, tenantType: "RECRUITER" };
    expect(decodeKey(encodeKey(key, "url"))).toEqual(key);
    expect(decodeKey(encodeKey(key, "body"))).toEqual(key);
    expect(decodeList(encodeList([key, key], "url"))).toEqual([key, key]);
    expect(decodeKey(canonicalKey(key))).toEqual(key);
  });

  it.each([
    ["1.0 syntax", "integrationContext=urn%3Ali%3Aorganization%3A1&integrationType=X"],
    ["no brackets", "a:1,b:2"],
    ["unencoded colon in a value", "(a:urn:li:x)"],
    ["an unclosed bracket", "(a:(1)"],
    ["a repeated field", "(a:1,a:2)"],
    ["an empty value not written ''", "(a:)"],
    ["malformed percent-encoding", "(a:%E0%A4%A)"],
  ])("refuses %s", (_why, text) => {
    expect(() => decodeKey(text)).toThrow(RestliSyntaxError);
  });

  it("refuses a list that is not List(…)", () => {
    expect(() => decodeList("(a:1)")).toThrow(RestliSyntaxError);
    expect(() => decodeList("ids[0].a=1")).toThrow(RestliSyntaxError);
  });
});
