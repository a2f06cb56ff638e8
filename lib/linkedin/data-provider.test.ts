// C12, L28: the dataProvider of each integration type is data; keys with ATS or PARTNER are accepted back.
import { describe, expect, it } from "vitest";
import { CompoundKeyError, integrationTuple, parseCompoundKey, tupleId } from "./compound-key";
import { DATA_PROVIDER_BY_TYPE, DATA_PROVIDERS, dataProviderFor } from "./data-provider";
import { atsIntegrationElementSchema } from "./schemas";

const crmKey = (dataProvider: string) =>
  `integrationType=CRM_CSA_API&tenantType=RECRUITER&dataProvider=${dataProvider}&integrationContext=urn%3Ali%3Acontract%3A7`;

describe("dataProvider per integration type (C12, L28)", () => {
  it("is ATS for the RSC and Apply types and a table entry for each CRM type", () => {
    expect(DATA_PROVIDERS).toEqual(["ATS", "PARTNER"]);
    for (const type of ["ONE_CLICK_EXPORT", "CSA_API", "APPLY_CONNECT", "A_TYPE_NOT_KNOWN_YET"])
      expect(dataProviderFor(type)).toBe("ATS");
    expect(Object.keys(DATA_PROVIDER_BY_TYPE).sort()).toEqual([
      "CRM_CSA_API",
      "CRM_ONE_CLICK_EXPORT",
      "IN_CRM_INDICATOR",
    ]);
    for (const [type, provider] of Object.entries(DATA_PROVIDER_BY_TYPE)) expect(dataProviderFor(type)).toBe(provider);
  });

  it("builds a tuple with its type's dataProvider unless one is given", () => {
    const t = { integrationContext: "urn:li:contract:7", integrationType: "CRM_CSA_API", tenantType: "RECRUITER" };
    expect(integrationTuple(t).dataProvider).toBe(dataProviderFor("CRM_CSA_API"));
    expect(integrationTuple({ ...t, dataProvider: "PARTNER" }).dataProvider).toBe("PARTNER");
  });

  it("accepts ATS and PARTNER in keys and finder elements, keeping what LinkedIn wrote; refuses anything else", () => {
    expect(parseCompoundKey(crmKey("ATS")).dataProvider).toBe("ATS");
    const partner = parseCompoundKey(crmKey("PARTNER"));
    expect(partner).toMatchObject({ integrationType: "CRM_CSA_API", dataProvider: "PARTNER" });
    expect(tupleId(partner)).not.toBe(tupleId(parseCompoundKey(crmKey("ATS"))));
    expect(() => parseCompoundKey(crmKey("CRM"))).toThrow(CompoundKeyError);
    const element = {
      integrationContext: "urn:li:contract:7",
      integrationType: "CRM_ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
      onboardingStatus: "ENABLED",
    };
    expect(atsIntegrationElementSchema.safeParse({ ...element, dataProvider: "PARTNER" }).success).toBe(true);
    expect(atsIntegrationElementSchema.safeParse({ ...element, dataProvider: "OTHER" }).success).toBe(false);
  });
});
