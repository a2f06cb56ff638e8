// LinkedIn's integration vocabulary, in one place (L11–L13): plugin bundles, integration types, tenant
// types, their labels and default names. Pure and zod-free: importable from client components (the schemas that
// check what the widget hands over are in ./tuple-schemas.ts).

/**
 * Values of data-supported-bundled-integration-types (C6, L11): what a customer may be offered in the
 * plugin. A bundle is not an integration type: authorizing one yields several tuples (L12).
 */
export const BUNDLED_INTEGRATION_TYPES = [
  "RECRUITER_SYSTEM_CONNECT_COMPANY",
  "RECRUITER_SYSTEM_CONNECT_CONTRACT",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
  "APPLY_STARTERS_EXP",
  "CANDIDATE_RELATIONSHIP_MANAGEMENT",
] as const;
export type BundledIntegrationType = (typeof BUNDLED_INTEGRATION_TYPES)[number];

/** RSC is required (C6): every customer is offered at least one RSC bundle. */
export const REQUIRED_BUNDLES: readonly BundledIntegrationType[] = [
  "RECRUITER_SYSTEM_CONNECT_COMPANY",
  "RECRUITER_SYSTEM_CONNECT_CONTRACT",
];

/**
 * L28, L29: Talent CRM Connect onboards through the same plugin; a CRM customer (one CRM tenant) may be offered this
 * bundle instead of an RSC one (C6 requires RSC of RSC customers).
 */
export const CRM_BUNDLE: BundledIntegrationType = "CANDIDATE_RELATIONSHIP_MANAGEMENT";

export const BUNDLED_TYPE_LABELS: Record<BundledIntegrationType, string> = {
  RECRUITER_SYSTEM_CONNECT_COMPANY: "Recruiter System Connect (company)",
  RECRUITER_SYSTEM_CONNECT_CONTRACT: "Recruiter System Connect (contract)",
  APPLY_CONNECT: "Apply Connect",
  APPLY_WITH_LINKEDIN: "Apply with LinkedIn",
  APPLY_STARTERS_EXP: "Apply Starters (LinkedIn experiment)",
  CANDIDATE_RELATIONSHIP_MANAGEMENT: "Candidate Relationship Management (CRM)",
};

/**
 * The integration types LinkedIn documents (L13, L28). There is no type RECRUITER_SYSTEM_CONNECT.
 * L28, Talent CRM Connect: CRM_CSA_API and CRM_ONE_CLICK_EXPORT are stated; IN_CRM_INDICATOR is named by
 * third parties only (ASSUMPTION: it exists and is onboarded like the others).
 */
export const INTEGRATION_TYPES = [
  "ONE_CLICK_EXPORT",
  "IN_ATS_INDICATOR",
  "PROFILE_PLUGIN",
  "CSA_API",
  "RECOMMENDED_MATCHES",
  "UNIFIED_SEARCH",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
  "CRM_CSA_API",
  "CRM_ONE_CLICK_EXPORT",
  "IN_CRM_INDICATOR",
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** tenantType: the LinkedIn product the integration lives in (L13). */
export const TENANT_TYPES = ["RECRUITER", "JOBS"] as const;
export type TenantType = (typeof TENANT_TYPES)[number];

/** Enum-like names (C12): how LinkedIn spells types; new ones appear over time (L12), so the shape is what is checked. */
export const ENUM_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
export function isKnownIntegrationType(type: string): type is IntegrationType {
  return (INTEGRATION_TYPES as readonly string[]).includes(type);
}
export function isKnownTenantType(type: string): type is TenantType {
  return (TENANT_TYPES as readonly string[]).includes(type);
}

/**
 * Which bundle brings each known type and the context it takes (L12, L13, L28). "any": LinkedIn does not say
 * (ASSUMPTION for CRM_ONE_CLICK_EXPORT and IN_CRM_INDICATOR: an organization or a contract, as handed over).
 */
export const INTEGRATION_TYPE_BUNDLES: Record<
  IntegrationType,
  { bundle: BundledIntegrationType; context: "organization" | "contract" | "any" }
> = {
  ONE_CLICK_EXPORT: { bundle: "RECRUITER_SYSTEM_CONNECT_COMPANY", context: "organization" },
  IN_ATS_INDICATOR: { bundle: "RECRUITER_SYSTEM_CONNECT_COMPANY", context: "organization" },
  PROFILE_PLUGIN: { bundle: "RECRUITER_SYSTEM_CONNECT_COMPANY", context: "organization" },
  // L13: they need a separate agreement; they are RSC features on an organization.
  RECOMMENDED_MATCHES: { bundle: "RECRUITER_SYSTEM_CONNECT_COMPANY", context: "organization" },
  UNIFIED_SEARCH: { bundle: "RECRUITER_SYSTEM_CONNECT_COMPANY", context: "organization" },
  CSA_API: { bundle: "RECRUITER_SYSTEM_CONNECT_CONTRACT", context: "contract" },
  APPLY_CONNECT: { bundle: "APPLY_CONNECT", context: "organization" },
  APPLY_WITH_LINKEDIN: { bundle: "APPLY_WITH_LINKEDIN", context: "organization" },
  // L28: CRM_CSA_API is keyed by a contract URN; the CRM bundle is onboarded through the same plugin.
  CRM_CSA_API: { bundle: "CANDIDATE_RELATIONSHIP_MANAGEMENT", context: "contract" },
  CRM_ONE_CLICK_EXPORT: { bundle: "CANDIDATE_RELATIONSHIP_MANAGEMENT", context: "any" },
  IN_CRM_INDICATOR: { bundle: "CANDIDATE_RELATIONSHIP_MANAGEMENT", context: "any" },
};

export const ONBOARDING_STATUS_ORDER = { REQUESTED: 0, PARTNER_READY: 1, ENABLED: 2 } as const;

/** Product words for the default customer-facing name (seed 001's example). */
export const INTEGRATION_PRODUCT_LABELS: Record<TenantType, string> = { RECRUITER: "Recruiter", JOBS: "Jobs" };
export const INTEGRATION_TYPE_LABELS: Record<IntegrationType, string> = {
  ONE_CLICK_EXPORT: "One-Click Export",
  IN_ATS_INDICATOR: "In-ATS Indicator",
  PROFILE_PLUGIN: "Profile Plugin",
  CSA_API: "Candidate Sync API",
  RECOMMENDED_MATCHES: "Recommended Matches",
  UNIFIED_SEARCH: "Unified Search",
  APPLY_CONNECT: "Apply Connect",
  APPLY_WITH_LINKEDIN: "Apply with LinkedIn",
  CRM_CSA_API: "CRM Candidate Sync API",
  CRM_ONE_CLICK_EXPORT: "CRM One-Click Export",
  IN_CRM_INDICATOR: "In-CRM Indicator",
};

/** The label of a type; a type Onramp does not know yet shows as LinkedIn spells it. */
export function integrationTypeLabel(type: string): string {
  return isKnownIntegrationType(type) ? INTEGRATION_TYPE_LABELS[type] : type;
}

/**
 * "{customer}'s LinkedIn {product} {integration} Integration" (seed 001, C11: "My Customer's LinkedIn
 * Recruiter One-Click Export Integration"). A type Onramp does not know yet gets the generic
 * "{customer}'s LinkedIn {product} Integration ({TYPE})".
 */
export function defaultIntegrationName(customerName: string, tenantType: string, integrationType: string): string {
  const product = isKnownTenantType(tenantType) ? INTEGRATION_PRODUCT_LABELS[tenantType] : tenantType;
  if (!isKnownIntegrationType(integrationType))
    return `${customerName}'s LinkedIn ${product} Integration (${integrationType})`;
  const integration = INTEGRATION_TYPE_LABELS[integrationType];
  // "Apply with LinkedIn" already names LinkedIn: no "LinkedIn Jobs Apply with LinkedIn".
  const words = integration.includes("LinkedIn") ? integration : `${product} ${integration}`;
  return `${customerName}'s LinkedIn ${words} Integration`;
}
