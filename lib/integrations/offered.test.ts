// C6, L11–L13: a customer may hand over only tuples of the bundles the vendor offers them.
import { describe, expect, it } from "vitest";
import { isOffered } from "./offered";

const tuple = (integrationContext: string, integrationType: string, tenantType = "RECRUITER") => ({
  integrationContext,
  integrationType,
  tenantType,
});

describe("isOffered (C6, L12)", () => {
  it("maps the RSC organization types to the company bundle and CSA_API on a contract to the contract bundle", () => {
    for (const type of ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"]) {
      expect(isOffered(tuple("urn:li:organization:1", type), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(true);
      expect(isOffered(tuple("urn:li:organization:1", type), ["RECRUITER_SYSTEM_CONNECT_CONTRACT"])).toBe(false);
    }
    expect(isOffered(tuple("urn:li:contract:1", "CSA_API"), ["RECRUITER_SYSTEM_CONNECT_CONTRACT"])).toBe(true);
    expect(isOffered(tuple("urn:li:contract:1", "CSA_API"), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(false);
  });
  it("refuses a known type on the wrong context kind", () => {
    expect(
      isOffered(tuple("urn:li:contract:1", "ONE_CLICK_EXPORT"), [
        "RECRUITER_SYSTEM_CONNECT_COMPANY",
        "RECRUITER_SYSTEM_CONNECT_CONTRACT",
      ]),
    ).toBe(false);
  });
  it("accepts apply types only when their bundle is offered", () => {
    const apply = tuple("urn:li:organization:2", "APPLY_CONNECT", "JOBS");
    expect(isOffered(apply, ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(false);
    expect(isOffered(apply, ["APPLY_CONNECT"])).toBe(true);
  });
  it("matches a type Onramp does not know yet by family (ASSUMPTION)", () => {
    expect(isOffered(tuple("urn:li:organization:3", "CRM_SYNC"), ["CANDIDATE_RELATIONSHIP_MANAGEMENT"])).toBe(true);
    expect(isOffered(tuple("urn:li:organization:3", "CRM_SYNC"), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(false);
    expect(isOffered(tuple("urn:li:organization:3", "NEW_RSC_FEATURE"), ["RECRUITER_SYSTEM_CONNECT_COMPANY"])).toBe(
      true,
    );
  });
  it("L28: offers the CRM types only with the CRM bundle; CRM_CSA_API only on a contract", () => {
    const crm = ["CANDIDATE_RELATIONSHIP_MANAGEMENT"];
    for (const type of ["CRM_CSA_API", "CRM_ONE_CLICK_EXPORT", "IN_CRM_INDICATOR"]) {
      expect(isOffered(tuple("urn:li:contract:5", type), crm)).toBe(true);
      expect(isOffered(tuple("urn:li:contract:5", type), ["RECRUITER_SYSTEM_CONNECT_CONTRACT"])).toBe(false);
    }
    expect(isOffered(tuple("urn:li:organization:5", "CRM_CSA_API"), crm)).toBe(false);
    expect(isOffered(tuple("urn:li:organization:5", "CRM_ONE_CLICK_EXPORT"), crm)).toBe(true);
  });
});
