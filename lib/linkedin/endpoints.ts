// LinkedIn's endpoints: labels (the unit LinkedIn's 5,000 calls/day limit counts, C26) and the paths
// below the configured base URLs. The hosts live in lib/env.ts only (LINKEDIN_API_URL,
// LINKEDIN_OAUTH_URL): nothing in Onramp names a LinkedIn host. Pure.

export const ENDPOINTS = {
  /** Client-credentials grant (C2). */
  accessToken: "POST /oauth/v2/accessToken",
  /** Provisioning API (C1, L3). */
  provisionApplication: "POST /v2/provisionedApplications",
  /** Look-up of a customer application by uniqueForeignId (L5). */
  findApplication: "GET /v2/provisionedApplications?q=credentialsByUniqueForeignId",
  /** Partial update of a customer application's domains (L6). */
  updateApplication: "POST /v2/provisionedApplications/{key}",
  /** Secret roll (L7). */
  rollSecret: "POST /v2/developerApplicationsSecurity?action=rollDeveloperApplicationSecret",
  /** batch_partial_update of integration names (C10, C11). */
  syncIntegrationNames: "POST /v2/atsIntegrations (batch_partial_update)",
  /** Integration configurations (C15–C17). */
  writeConfigurations: "PUT /v2/atsIntegrations/{key}/configurations",
  /** Removing integration configurations (L15: a customer that adopts ACLs). */
  deleteConfigurations: "DELETE /v2/atsIntegrations/{key}/configurations",
  /** q=request finder (C19). */
  lookupByRequest: "GET /v2/atsIntegrations?q=request",
  /** Batch get by ids (C19b). */
  lookupByIds: "GET /v2/atsIntegrations?ids",
} as const;
export type LinkedInEndpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/** Paced operations (C13, C30): one LinkedInPacing row per application and operation. */
export const PACED_OPERATIONS = {
  syncIntegrationNames: "atsIntegrations.batch_partial_update",
  lookupByIds: "atsIntegrations.batch_get",
} as const;
export type PacedOperation = (typeof PACED_OPERATIONS)[keyof typeof PACED_OPERATIONS];

export const PATHS = {
  accessToken: "/oauth/v2/accessToken",
  provisionedApplications: "/v2/provisionedApplications",
  developerApplicationsSecurity: "/v2/developerApplicationsSecurity",
  atsIntegrations: "/v2/atsIntegrations",
} as const;
