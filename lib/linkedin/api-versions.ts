// The two API families of LinkedIn's integration resources and, for the versioned one, what each version
// is taken to look like (L16, L22, L23). Pure. THE one place that says what is not public: every entry that
// is a guess is marked ASSUMPTION with what would settle it; docs/LINKEDIN.md lists them once.

export const API_FAMILIES = ["v2", "rest"] as const;
/** `v2`: unversioned `v2/atsIntegrations`, Rest.li 1.0 (the seeds). `rest`: `rest/integrations`, Rest.li 2.0 (L22). */
export type ApiFamily = (typeof API_FAMILIES)[number];

/** L23: `YYYYMM` or `YYYYMM.RR`. */
export const LINKEDIN_VERSION_PATTERN = /^\d{6}(\.\d{2})?$/;

/** L23: the newest version when this was written; the default of the `rest` family when none is set. */
export const DEFAULT_REST_VERSION = "202604";

export interface RestVersionEntry {
  /** First LinkedIn-Version this entry applies to (YYYYMM); it holds until the next entry's. */
  since: string;
  /** Path of the integrations resource (L22). */
  integrationsPath: string;
  /** Path of the configurations resource (L22). */
  configurationsPath: string;
  /** Parts of an integration's key (L22: `dataProvider` is removed from it). */
  integrationKeyFields: readonly ["integrationContext", "integrationType", "tenantType"];
  /** The part of a configurations key naming the configuration (CALLBACK_URL, …), beside the integration's parts. */
  configurationKeyField: string;
  /** The Rest.li method that writes configurations; they are removed with batch_delete. */
  configurationsWriteMethod: "batch_update";
  /** The field of an integration that carries REQUESTED / PARTNER_READY / ENABLED (C18). */
  statusField: string;
}

/**
 * The `rest` family per version, oldest first. What each guess is, and what would settle it:
 * - ASSUMPTION (paths): `/rest/integrations` and `/rest/integrationConfigurations` for every version. L22 says 202602
 *   "renamed" both; the new names are not public. Settled by LinkedIn's 202602 API reference or a recorded call:
 *   add an entry `since: "202602"` with the new paths.
 * - ASSUMPTION (configurations key and methods): a collection keyed by the integration's parts plus `key`
 *   (`(integrationContext:…,integrationType:…,key:CALLBACK_URL,tenantType:…)`), written with batch_update
 *   (`PUT ?ids=List(…)`, body `{"entities":{key:{"configurationValue":{"string":…}}}}`, as L15 on v2) and removed
 *   with batch_delete (`DELETE ?ids=List(…)`). Settled by the resource's published schema (L22: unknown).
 * - ASSUMPTION (status field): `onboardingStatus`, as on v2 (C18). Settled by a recorded rest/integrations answer.
 */
export const REST_VERSIONS: readonly RestVersionEntry[] = [
  {
    since: "202401",
    integrationsPath: "/rest/integrations",
    configurationsPath: "/rest/integrationConfigurations",
    integrationKeyFields: ["integrationContext", "integrationType", "tenantType"],
    configurationKeyField: "key",
    configurationsWriteMethod: "batch_update",
    statusField: "onboardingStatus",
  },
];

/** The entry in force for `version` (YYYYMM or YYYYMM.RR); the oldest when the version predates them all. */
export function restVersionEntry(version: string): RestVersionEntry {
  const month = version.slice(0, 6);
  let found = REST_VERSIONS[0] as RestVersionEntry;
  for (const entry of REST_VERSIONS) if (entry.since <= month) found = entry;
  return found;
}

/** Which family and version an environment speaks: the console shows it, every call resolves it afresh. */
export interface LinkedInApiChoice {
  family: ApiFamily;
  /** The LinkedIn-Version header; empty on `v2` sends none (L16). Always set on `rest` (L23). */
  version: string;
}
