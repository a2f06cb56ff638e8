import { describe, expect, it } from "vitest";
import { widgetTupleSchema } from "./tuple-schemas";
import { defaultIntegrationName, INTEGRATION_TYPES } from "./types";

describe("default customer-facing name (C11, seed 001's example)", () => {
  it("follows the documented pattern", () => {
    expect(defaultIntegrationName("My Customer", "RECRUITER", "ONE_CLICK_EXPORT")).toBe(
      "My Customer's LinkedIn Recruiter One-Click Export Integration",
    );
    expect(defaultIntegrationName("Acme Corp", "RECRUITER", "IN_ATS_INDICATOR")).toBe(
      "Acme Corp's LinkedIn Recruiter In-ATS Indicator Integration",
    );
    expect(defaultIntegrationName("Acme Corp", "JOBS", "APPLY_CONNECT")).toBe(
      "Acme Corp's LinkedIn Jobs Apply Connect Integration",
    );
  });
  it("does not repeat LinkedIn when the integration already names it", () => {
    expect(defaultIntegrationName("Acme Corp", "JOBS", "APPLY_WITH_LINKEDIN")).toBe(
      "Acme Corp's LinkedIn Apply with LinkedIn Integration",
    );
  });
  it("names a type Onramp does not know yet generically (L12)", () => {
    expect(defaultIntegrationName("Acme Corp", "RECRUITER", "CRM_SYNC")).toBe(
      "Acme Corp's LinkedIn Recruiter Integration (CRM_SYNC)",
    );
  });
});

describe("vocabulary (L13)", () => {
  it("lists LinkedIn's integration types and not the invented RECRUITER_SYSTEM_CONNECT", () => {
    expect(INTEGRATION_TYPES).toEqual(
      expect.arrayContaining([
        "ONE_CLICK_EXPORT",
        "IN_ATS_INDICATOR",
        "PROFILE_PLUGIN",
        "CSA_API",
        "APPLY_CONNECT",
        "APPLY_WITH_LINKEDIN",
      ]),
    );
    expect(INTEGRATION_TYPES).not.toContain("RECRUITER_SYSTEM_CONNECT");
  });
});

describe("widget tuples (C7, C12, L12)", () => {
  it("accepts organization and contract contexts", () => {
    expect(
      widgetTupleSchema.safeParse({
        integrationContext: "urn:li:organization:4gX03uw",
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
      }).success,
    ).toBe(true);
    expect(
      widgetTupleSchema.safeParse({
        integrationContext: "urn:li:contract:123",
        integrationType: "CSA_API",
        tenantType: "RECRUITER",
      }).success,
    ).toBe(true);
  });
  it("accepts an enum-like type Onramp does not know yet (L12)", () => {
    expect(
      widgetTupleSchema.safeParse({
        integrationContext: "urn:li:organization:1",
        integrationType: "CRM_SYNC",
        tenantType: "RECRUITER",
      }).success,
    ).toBe(true);
  });
  it.each(["one click", "", "ONE-CLICK", "x".repeat(70).toUpperCase()])(
    "refuses the malformed type %j",
    (integrationType) => {
      expect(
        widgetTupleSchema.safeParse({
          integrationContext: "urn:li:organization:1",
          integrationType,
          tenantType: "RECRUITER",
        }).success,
      ).toBe(false);
    },
  );
  it.each(["urn:li:person:1", "urn:li:organization:", "organization:1", "urn:li:organization:1;drop"])(
    "refuses the context %s",
    (integrationContext) => {
      expect(
        widgetTupleSchema.safeParse({
          integrationContext,
          integrationType: "ONE_CLICK_EXPORT",
          tenantType: "RECRUITER",
        }).success,
      ).toBe(false);
    },
  );
});
