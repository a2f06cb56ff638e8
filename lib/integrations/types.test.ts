import { describe, expect, it } from "vitest";
import { defaultIntegrationName, widgetTupleSchema } from "./types";

describe("default customer-facing name (C11, seed 001's example)", () => {
  it("follows the documented pattern", () => {
    expect(defaultIntegrationName("My Customer", "RECRUITER", "ONE_CLICK_EXPORT")).toBe("My Customer's LinkedIn Recruiter One-Click Export Integration");
  });
  it("does not repeat the product when the integration already names it", () => {
    expect(defaultIntegrationName("Acme Corp", "RECRUITER", "RECRUITER_SYSTEM_CONNECT")).toBe("Acme Corp's LinkedIn Recruiter System Connect Integration");
    expect(defaultIntegrationName("Acme Corp", "JOBS", "APPLY_CONNECT")).toBe("Acme Corp's LinkedIn Jobs Apply Connect Integration");
  });
});

describe("widget tuples (C7, C12)", () => {
  it("accepts organization and contract contexts", () => {
    expect(widgetTupleSchema.safeParse({ integrationContext: "urn:li:organization:4gX03uw", integrationType: "ONE_CLICK_EXPORT", tenantType: "RECRUITER" }).success).toBe(true);
    expect(widgetTupleSchema.safeParse({ integrationContext: "urn:li:contract:123", integrationType: "RECRUITER_SYSTEM_CONNECT", tenantType: "RECRUITER" }).success).toBe(true);
  });
  it.each(["urn:li:person:1", "urn:li:organization:", "organization:1", "urn:li:organization:1;drop"])("refuses the context %s", (integrationContext) => {
    expect(widgetTupleSchema.safeParse({ integrationContext, integrationType: "ONE_CLICK_EXPORT", tenantType: "RECRUITER" }).success).toBe(false);
  });
});
