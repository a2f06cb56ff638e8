// Which staff role the identity provider's claims grant (issue 24 point 3). Pure: the settings come in as rules
// (lib/env/staff-oidc.ts), the claims as the provider sent them in the ID token.
import { Role } from "@/lib/db/enums";

export type StaffRoleRules = {
  /** The claim naming the person's groups: "groups", or a dotted path such as "realm_access.roles" (Keycloak). */
  claim: string;
  operatorValues: readonly string[];
  supportValues: readonly string[];
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The claim's texts: a list of texts, or one text; anything else (numbers, objects, nothing) gives none. */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes(".")) {
    value = claims;
    for (const part of claim.split(".")) value = isRecord(value) ? value[part] : undefined;
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * OPERATOR when any of the claim's values is an operator value, else SUPPORT when any is a support value, else null
 * (no staff role: refused). Never CUSTOMER_ADMIN: the identity provider is for the vendor's staff only.
 * Values compare exactly (groups are ids, and "Admins" and "admins" may be different groups at a provider).
 */
export function staffRoleFromClaims(claims: Record<string, unknown>, rules: StaffRoleRules): Role | null {
  const values = new Set(claimValues(claims, rules.claim));
  if (rules.operatorValues.some((v) => values.has(v))) return Role.OPERATOR;
  if (rules.supportValues.some((v) => values.has(v))) return Role.SUPPORT;
  return null;
}
