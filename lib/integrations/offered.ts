// Which plugin tuples a customer may hand over, given the bundles the vendor offers them (C6, L11–L13). Pure.
import type { WidgetTuple } from "./tuple-schemas";
import { INTEGRATION_TYPE_BUNDLES, isKnownIntegrationType, type BundledIntegrationType } from "./types";

const contextKind = (t: WidgetTuple) =>
  t.integrationContext.startsWith("urn:li:contract:") ? "contract" : "organization";

/**
 * The bundles that could have produced this tuple. A known type comes from its bundle, on its context
 * kind only (L12: CSA_API on a contract, the other RSC types on an organization). A type Onramp does not
 * know yet is matched by family (L28: the CRM types, CRM_CSA_API on a contract, are in types.ts) — ASSUMPTION (L12 says new types appear, not which bundle brings them):
 * `CRM_*` → the CRM bundle; RECRUITER → the RSC bundle of its context kind; JOBS → the apply bundles.
 */
export function bundlesFor(t: WidgetTuple): BundledIntegrationType[] {
  if (isKnownIntegrationType(t.integrationType)) {
    const { bundle, context } = INTEGRATION_TYPE_BUNDLES[t.integrationType];
    return context === "any" || context === contextKind(t) ? [bundle] : [];
  }
  if (t.integrationType.startsWith("CRM_")) return ["CANDIDATE_RELATIONSHIP_MANAGEMENT"];
  if (t.tenantType === "RECRUITER") {
    return contextKind(t) === "contract" ? ["RECRUITER_SYSTEM_CONNECT_CONTRACT"] : ["RECRUITER_SYSTEM_CONNECT_COMPANY"];
  }
  if (t.tenantType === "JOBS") return ["APPLY_CONNECT", "APPLY_WITH_LINKEDIN", "APPLY_STARTERS_EXP"];
  return [];
}

/** Whether the customer was offered a bundle that yields this tuple. */
export function isOffered(t: WidgetTuple, offered: readonly string[]): boolean {
  return bundlesFor(t).some((b) => offered.includes(b));
}
