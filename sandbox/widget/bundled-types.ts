// Which tuples a bundled integration type of the plugin (C6, L11) yields when the customer authorizes
// it: L12, inferred from the tuples LinkedIn's own Postman collections write after onboarding.
// A bundle is not an integration type; the RSC company bundle yields three tuples.
import type { IntegrationTuple } from "../records";

export interface BundledType {
  /** What the customer types into the widget. */
  idKind: "organization" | "contract";
  tuples: (id: string) => IntegrationTuple[];
}

const organization = (id: string, types: string[], tenantType: string): IntegrationTuple[] =>
  types.map((integrationType) => ({ integrationContext: `urn:li:organization:${id}`, integrationType, tenantType }));

export const BUNDLED_TYPES: Record<string, BundledType> = {
  // L12: (urn:li:organization:N, ONE_CLICK_EXPORT | IN_ATS_INDICATOR | PROFILE_PLUGIN, RECRUITER)
  RECRUITER_SYSTEM_CONNECT_COMPANY: {
    idKind: "organization",
    tuples: (id) => organization(id, ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"], "RECRUITER"),
  },
  // L12: (urn:li:contract:N, CSA_API, RECRUITER)
  RECRUITER_SYSTEM_CONNECT_CONTRACT: {
    idKind: "contract",
    tuples: (id) => [
      { integrationContext: `urn:li:contract:${id}`, integrationType: "CSA_API", tenantType: "RECRUITER" },
    ],
  },
  // L12: PM-AC / PM-AWLI tuples
  APPLY_CONNECT: { idKind: "organization", tuples: (id) => organization(id, ["APPLY_CONNECT"], "JOBS") },
  APPLY_WITH_LINKEDIN: { idKind: "organization", tuples: (id) => organization(id, ["APPLY_WITH_LINKEDIN"], "JOBS") },
  // L28: Talent CRM Connect through the same plugin; L29: one application per CRM tenant. CRM_CSA_API is keyed
  // by a contract URN (stated). ASSUMPTION: the customer enters the CRM contract id, and CRM_ONE_CLICK_EXPORT
  // and IN_CRM_INDICATOR (third-party only) are on that contract too, tenant RECRUITER (not published).
  CANDIDATE_RELATIONSHIP_MANAGEMENT: {
    idKind: "contract",
    tuples: (id) =>
      ["CRM_CSA_API", "CRM_ONE_CLICK_EXPORT", "IN_CRM_INDICATOR"].map((integrationType) => ({
        integrationContext: `urn:li:contract:${id}`,
        integrationType,
        tenantType: "RECRUITER",
      })),
  },
};

export const WIDGET_ID = /^[A-Za-z0-9]{1,40}$/;
