// C6: a customer may hand over only tuples of the bundles the vendor offers them.
import { describe, expect, it } from "vitest";
import { isOffered } from "./offered";
import { defaultIntegrationName } from "./types";

const rsc = (ctx: string) => ({ integrationContext: ctx, integrationType: "RECRUITER_SYSTEM_CONNECT" as const, tenantType: "RECRUITER" as const });

describe("isOffered (C6)", () => {
  it("maps organization contexts to the company bundle and contract contexts to the contract bundle", () => {
    expect(isOffered(rsc("urn:li:organization:1"), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(true);
    expect(isOffered(rsc("urn:li:contract:1"), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(false);
    expect(isOffered(rsc("urn:li:contract:1"), ["RECRUITER_SYSTEM_CONNECT_CONTRACT"])).toBe(true);
  });
  it("accepts apply types only when their bundle is offered", () => {
    const apply = { integrationContext: "urn:li:organization:2", integrationType: "APPLY_CONNECT" as const, tenantType: "JOBS" as const };
    expect(isOffered(apply, ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(false);
    expect(isOffered(apply, ["APPLY_CONNECT"])).toBe(true);
  });
});

describe("defaultIntegrationName (C11, seed 001's example)", () => {
  it("reads like LinkedIn's documented example", () => {
    expect(defaultIntegrationName("My Customer", "RECRUITER", "ONE_CLICK_EXPORT")).toBe("My Customer's LinkedIn Recruiter One-Click Export Integration");
  });
});
