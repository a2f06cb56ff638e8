// How a sandbox run behaves: pacing, retries, token lifetime, the documented keys and types it accepts
// (L13, L14, L17), and the switches tests and the demo flip through /_sandbox/settings.

import { L17_DAILY_LIMITS } from "./daily-limits";
import { CRM_INTEGRATION_TYPES } from "./compound-key";

export interface SandboxSettings {
  /** Delay between push retries (C23: 300 s at LinkedIn). */
  retryDelayMs: number;
  /** Retries after the first attempt (C23: five). */
  maxRetries: number;
  /**
   * Minimum spacing between batch_partial_update calls of one application (C13); enforced (429) there, and
   * counted (not refused) between any two v2/atsIntegrations calls of one application (C30, L17).
   */
  batchSpacingMs: number;
  /** Most entities in one batch_partial_update (C13). */
  maxBatchEntities: number;
  /** Access token lifetime (L1: 30 minutes). */
  tokenTtlSeconds: number;
  /** How the token answer writes expires_in (L1: the docs' sample a string "1800", the SDK's fixture a number). */
  expiresInAs: "string" | "number";
  /** Which secret signs pushes once an application has two (L7 does not say; ASSUMPTION). */
  signPushesWith: "current" | "previous";
  /** Allow http/https callback URLs on loopback hosts, any port (demo and tests only; C21 wants https 80/443). */
  allowInsecureCallbacks: boolean;
  /** Move REQUESTED → PARTNER_READY once an integration has a name and a CALLBACK_URL configuration. */
  autoPartnerReady: boolean;
  /** Record pushes but never send them, so the fallback poll (C28) must find the change. */
  dropNotifications: boolean;
  /** How the C19b lookup spells result keys: "answer" (reordered, URL-encoded) or "documented" (seed sample). */
  lookupKeyStyle: "answer" | "documented";
  /** Configuration keys each integration type accepts (L14 by default); other keys are refused per key. */
  configurationKeys: Record<string, string[]>;
  /** Integration types batch_partial_update accepts (L13 by default); others are refused per entity. */
  integrationTypes: string[];
  /** Calls a day per application and resource (L17: 5,000 on v2/atsIntegrations, 100,000 on exportedCandidates). */
  dailyLimits: Record<string, number>;
}

/** L14: CALLBACK_URL and JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLICATION_VIEWERS on IN_ATS_INDICATOR. */
export const L14_CONFIGURATION_KEYS: Record<string, string[]> = {
  ONE_CLICK_EXPORT: ["CALLBACK_URL", "JOB_POSTING_VIEWERS"],
  IN_ATS_INDICATOR: ["APPLICATION_VIEWERS"],
  // L28, third-party only (ASSUMPTION): CALLBACK_URL mandatory on CRM_ONE_CLICK_EXPORT, APPLICATION_VIEWERS on
  // IN_CRM_INDICATOR.
  CRM_ONE_CLICK_EXPORT: ["CALLBACK_URL"],
  IN_CRM_INDICATOR: ["APPLICATION_VIEWERS"],
};

/** L13: the integration types LinkedIn documents; L28: Talent CRM Connect's (compound-key.ts). */
export const L13_INTEGRATION_TYPES = [
  ...CRM_INTEGRATION_TYPES,
  "CSA_API",
  "ONE_CLICK_EXPORT",
  "IN_ATS_INDICATOR",
  "PROFILE_PLUGIN",
  "RECOMMENDED_MATCHES",
  "UNIFIED_SEARCH",
  "APPLY_CONNECT",
  "APPLY_WITH_LINKEDIN",
];

export const DEFAULT_SETTINGS: SandboxSettings = {
  retryDelayMs: 300_000,
  maxRetries: 5,
  batchSpacingMs: 1000,
  maxBatchEntities: 100,
  tokenTtlSeconds: 1800,
  expiresInAs: "string",
  signPushesWith: "current",
  allowInsecureCallbacks: false,
  autoPartnerReady: false,
  dropNotifications: false,
  lookupKeyStyle: "answer",
  configurationKeys: L14_CONFIGURATION_KEYS,
  integrationTypes: L13_INTEGRATION_TYPES,
  dailyLimits: L17_DAILY_LIMITS,
};
