// Issue 24 point 3: which staff role the identity provider's claims grant, by settings.
import { describe, expect, it } from "vitest";
import { claimValues, staffRoleFromClaims } from "./staff-oidc-claims";

const rules = { claim: "groups", operatorValues: ["onramp-ops"], supportValues: ["onramp-support", "helpdesk"] };

describe("staffRoleFromClaims", () => {
  it("maps a support group to SUPPORT and an operator group to OPERATOR; operator wins when both are there", () => {
    expect(staffRoleFromClaims({ groups: ["staff", "helpdesk"] }, rules)).toBe("SUPPORT");
    expect(staffRoleFromClaims({ groups: ["onramp-ops"] }, rules)).toBe("OPERATOR");
    expect(staffRoleFromClaims({ groups: ["onramp-support", "onramp-ops"] }, rules)).toBe("OPERATOR");
  });

  it("grants nothing for other groups, other cases, a missing claim, or a claim of another shape", () => {
    expect(staffRoleFromClaims({ groups: ["marketing"] }, rules)).toBeNull();
    expect(staffRoleFromClaims({ groups: ["Onramp-Ops"] }, rules)).toBeNull();
    expect(staffRoleFromClaims({ roles: ["onramp-ops"] }, rules)).toBeNull();
    expect(staffRoleFromClaims({ groups: { "onramp-ops": true } }, rules)).toBeNull();
    expect(staffRoleFromClaims({ groups: ["onramp-ops"] }, { ...rules, operatorValues: [] })).toBeNull();
  });

  it("never grants the customer admin role, whatever the claim says", () => {
    const sneaky = { ...rules, supportValues: ["CUSTOMER_ADMIN"] };
    expect(staffRoleFromClaims({ groups: ["CUSTOMER_ADMIN"] }, sneaky)).toBe("SUPPORT");
    expect(staffRoleFromClaims({ groups: ["CUSTOMER_ADMIN"] }, rules)).toBeNull();
  });
});

describe("claimValues", () => {
  it("reads a list, a single text, and a dotted path (Keycloak's realm_access.roles)", () => {
    expect(claimValues({ groups: ["a", 3, "b"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ role: "support" }, "role")).toEqual(["support"]);
    expect(claimValues({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(claimValues({ realm_access: ["x"] }, "realm_access.roles")).toEqual([]);
  });
});
