// Points the LinkedIn client at a test server (tests are the one exception to "lib/env.ts is the only
// reader of process.env": they set variables and reset its cache).
import { resetEnvCache } from "@/lib/env";

/** Variables a test may override; each useLinkedInAt starts again from their defaults. */
const OVERRIDABLE = [
  "LINKEDIN_BATCH_SPACING_MS",
  "LINKEDIN_MAX_ATTEMPTS",
  "LINKEDIN_DAILY_CALL_BUDGET",
  "LINKEDIN_CLIENT_ID",
  "LINKEDIN_CLIENT_SECRET",
  "LINKEDIN_VENDOR_NAME",
  "LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS",
  "LINKEDIN_DAILY_LIMIT_MARKER",
  "LINKEDIN_DAILY_LIMIT_AT_PERCENT",
  "LINKEDIN_API_FAMILY",
  "LINKEDIN_VERSION",
];

export function useLinkedInAt(baseUrl: string, extra: Record<string, string> = {}): void {
  dropOverrides();
  Object.assign(process.env, {
    LINKEDIN_API_URL: baseUrl,
    LINKEDIN_OAUTH_URL: baseUrl,
    LINKEDIN_BACKOFF_BASE_MS: "5",
    ...extra,
  });
  resetEnvCache();
}

function dropOverrides(): void {
  for (const k of OVERRIDABLE) delete process.env[k];
}

/** Drops what tests overrode (their defaults apply again). */
export function resetLinkedInEnv(): void {
  dropOverrides();
  resetEnvCache();
}

export function setTestEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}
