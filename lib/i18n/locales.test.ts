// Which language a customer admin gets (issue 25 point 1): their choice, else the customer's, else the browser's.
import { describe, expect, it } from "vitest";
import { negotiateLocale, pickLocale } from "./locales";

describe("the language of a page", () => {
  it("follows Accept-Language by weight, then order, matching a language by its first part", () => {
    expect(negotiateLocale("ja")).toBe("ja");
    expect(negotiateLocale("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("en;q=0.5, fr-CA;q=0.8")).toBe("fr");
    expect(negotiateLocale("pt-PT")).toBe("pt-BR");
    expect(negotiateLocale("pt-br")).toBe("pt-BR");
    expect(negotiateLocale("zh-CN, *;q=0.1")).toBeNull();
    expect(negotiateLocale("ja;q=0, es")).toBe("es");
    expect(negotiateLocale(null)).toBeNull();
  });

  it("puts the person's choice before the customer's default and the browser", () => {
    expect(pickLocale({ person: "de", customer: "fr", acceptLanguage: "ja" })).toBe("de");
    expect(pickLocale({ person: null, customer: "fr", acceptLanguage: "ja" })).toBe("fr");
    expect(pickLocale({ person: "xx", customer: null, acceptLanguage: "ja" })).toBe("ja");
    expect(pickLocale({ acceptLanguage: "zh" })).toBe("en");
  });
});
