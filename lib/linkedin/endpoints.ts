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
  /** The same operations in the versioned family (L22), Rest.li 2.0 (L24). */
  restSyncIntegrationNames: "POST /rest/integrations (batch_partial_update)",
  restWriteConfigurations: "PUT /rest/integrationConfigurations (batch_update)",
  restDeleteConfigurations: "DELETE /rest/integrationConfigurations (batch_delete)",
  restLookupByRequest: "GET /rest/integrations?q=request",
  restLookupByIds: "GET /rest/integrations?ids (batch_get)",
  /** Resolving an EXPORT_CANDIDATE_PROFILE push (L18), for webhook endpoints that ask for it (issue 12). */
  exportedCandidates: "GET /v2/exportedCandidates?q=request",
} as const;
export type LinkedInEndpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/**
 * The resource LinkedIn limits an endpoint under (L17: daily limits are per application and resource;
 * every method on v2/atsIntegrations shares one 5,000). Calls to a limited resource are also paced:
 * one send slot per application for all of them (C13, C30). Endpoints not listed are neither.
 */
export const LIMITED_RESOURCE_OF: Partial<Record<LinkedInEndpoint, string>> = {
  [ENDPOINTS.syncIntegrationNames]: "v2/atsIntegrations",
  [ENDPOINTS.writeConfigurations]: "v2/atsIntegrations",
  [ENDPOINTS.deleteConfigurations]: "v2/atsIntegrations",
  [ENDPOINTS.lookupByRequest]: "v2/atsIntegrations",
  [ENDPOINTS.lookupByIds]: "v2/atsIntegrations",
  [ENDPOINTS.exportedCandidates]: "exportedCandidates",
  // L17: each resource of the versioned family has its own 5,000 a day.
  [ENDPOINTS.restSyncIntegrationNames]: "rest/integrations",
  [ENDPOINTS.restLookupByRequest]: "rest/integrations",
  [ENDPOINTS.restLookupByIds]: "rest/integrations",
  [ENDPOINTS.restWriteConfigurations]: "rest/integrationConfigurations",
  [ENDPOINTS.restDeleteConfigurations]: "rest/integrationConfigurations",
};

/** L17: resources whose daily limit is not LINKEDIN_DAILY_CALL_BUDGET's 5,000. */
export const RESOURCE_DAILY_LIMITS: Record<string, number> = { exportedCandidates: 100_000 };

export function limitedResourceOf(endpoint: string): string | null {
  return (LIMITED_RESOURCE_OF as Record<string, string | undefined>)[endpoint] ?? null;
}

/** The endpoint labels counted against the same daily limit as `endpoint` (itself alone when not limited). */
export function endpointsSharingLimit(endpoint: string): string[] {
  const resource = limitedResourceOf(endpoint);
  if (!resource) return [endpoint];
  return Object.entries(LIMITED_RESOURCE_OF).flatMap(([e, r]) => (r === resource ? [e] : []));
}

export const PATHS = {
  accessToken: "/oauth/v2/accessToken",
  provisionedApplications: "/v2/provisionedApplications",
  developerApplicationsSecurity: "/v2/developerApplicationsSecurity",
  atsIntegrations: "/v2/atsIntegrations",
  exportedCandidates: "/v2/exportedCandidates",
} as const;
