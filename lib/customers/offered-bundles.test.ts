// C6, L28, L29: an RSC customer is offered an RSC bundle; a CRM customer (one CRM tenant) may be offered the CRM
// bundle alone; nothing else stands without one of them.
import { describe, expect, it } from "vitest";
import { offeredIntegrationTypesSchema } from "./schemas";

describe("offered bundles (C6, L28)", () => {
  it("takes an RSC bundle or the CRM bundle, alone or with others, and refuses Apply Connect alone", () => {
    expect(offeredIntegrationTypesSchema.parse(["CANDIDATE_RELATIONSHIP_MANAGEMENT"])).toEqual([
      "CANDIDATE_RELATIONSHIP_MANAGEMENT",
    ]);
    expect(offeredIntegrationTypesSchema.parse(["APPLY_CONNECT", "RECRUITER_SYSTEM_CONNECT_COMPANY"])).toEqual([
      "RECRUITER_SYSTEM_CONNECT_COMPANY",
      "APPLY_CONNECT",
    ]);
    const refused = offeredIntegrationTypesSchema.safeParse(["APPLY_CONNECT"]);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/CRM bundle for a CRM customer/);
  });
});
