// Environment of the calls to LinkedIn: URLs, the parent application, tokens, secrets, limits and pacing (C1, C26, L1-L17).
// Part of serverEnvSchema (lib/env.ts, the only reader of process.env; every variable is in .env.example).
import { z } from "zod";
import { boolFromEnv, httpUrl, intFromEnv } from "./fields";

/** LinkedIn endpoints, credentials, rotation, daily limits, retries and pacing. */
export const linkedinEnv = {
  LINKEDIN_API_URL: httpUrl.default("https://api.linkedin.com"),
  LINKEDIN_OAUTH_URL: httpUrl.default("https://www.linkedin.com"),
  LINKEDIN_PLATFORM_URL: httpUrl.default("https://platform.linkedin.com"),
  /**
   * L10: the plugin's extension URL written into the in.js tag. LinkedIn shows two forms: the docs'
   * {LINKEDIN_PLATFORM_URL}/rsc/extensions/onboarding-widget (empty = this, the default) and its sample
   * page's https://www.linkedin.com/recruiter/widget/ATSIntegration. Its origin is added to the CSP.
   */
  LINKEDIN_WIDGET_EXTENSION_URL: z.union([z.literal(""), httpUrl]).default(""),
  /**
   * Issue 22: the admin's page records "LinkedIn's script" as failed when the plugin has drawn nothing this long after
   * the page placed it. ASSUMPTION: LinkedIn states no load time; 15 s is long for a script and its plugin.
   */
  LINKEDIN_WIDGET_RENDER_TIMEOUT_MS: intFromEnv(15_000),
  /** The vendor's parent developer application, used for provisioning (C1). */
  LINKEDIN_CLIENT_ID: z.string().default(""),
  LINKEDIN_CLIENT_SECRET: z.string().default(""),
  /** "{vendor name} - {customer name}" names provisioned applications. */
  LINKEDIN_VENDOR_NAME: z.string().min(1).default("Onramp ATS"),
  /** oauth2AuthorizedCallbackUrls of new customer applications (L3), comma-separated; empty: the field is omitted. */
  LINKEDIN_APP_CALLBACK_URLS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((u) => u.trim())
        .filter((u) => u !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each callback URL must be an http(s) URL" }))),
  /** A cached customer token is renewed this many seconds before it expires (L1: tokens live 30 minutes). */
  LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS: intFromEnv(300),
  /** Rotation policy (L7: LinkedIn advises 60-90 days): older secrets are listed in the issues view. */
  LINKEDIN_SECRET_MAX_AGE_DAYS: intFromEnv(90),
  /**
   * After a roll, pushes signed with the previous secret are accepted this many hours (L7 keeps both valid;
   * which one signs pushes is not documented). ASSUMPTION: a week.
   */
  LINKEDIN_SECRET_OVERLAP_HOURS: intFromEnv(168),
  /** LinkedIn allows 5,000 calls a day per application and resource (C26, L17: all methods on v2/atsIntegrations together). */
  LINKEDIN_DAILY_CALL_BUDGET: intFromEnv(5000),
  /**
   * C26, L17: how a 429 that means "the application's daily limit is spent" (held until midnight UTC) is
   * told from a protective one (short backoff). LinkedIn documents no marker: ASSUMPTION. A 429 whose body
   * matches this case-insensitive pattern is the daily limit (LinkedIn's throttle messages name the
   * "APPLICATION DAY limit"); empty turns the marker off.
   */
  LINKEDIN_DAILY_LIMIT_MARKER: z
    .string()
    .default("day limit|daily limit")
    .refine((v) => {
      try {
        new RegExp(v, "i");
        return true;
      } catch {
        return false;
      }
    }, "must be a valid regular expression (or empty)"),
  /**
   * C26, L17, ASSUMPTION: a 429 also counts as the daily limit once Onramp's own count of the resource's
   * calls today reaches this percentage of LINKEDIN_DAILY_CALL_BUDGET (below 100 leaves room for calls the
   * vendor's ATS makes with the same application). 0 turns this rule off.
   */
  LINKEDIN_DAILY_LIMIT_AT_PERCENT: intFromEnv(100),
  /**
   * L16: the LinkedIn-Version header (YYYYMM, e.g. 202604) sent on every API call when set; empty sends
   * none (Rest.li 1.0 on /v2, what the seeds show).
   */
  LINKEDIN_VERSION: z
    .string()
    .default("")
    .refine(
      (v) => v === "" || /^\d{6}(\.\d{2})?$/.test(v),
      "must be empty or a version like 202604 (YYYYMM or YYYYMM.RR)",
    ),
  /**
   * L22: which family of the integration resources Onramp speaks: `v2` (v2/atsIntegrations, Rest.li 1.0, the
   * seeds) or `rest` (rest/integrations, Rest.li 2.0, LINKEDIN_VERSION or 202604 as LinkedIn-Version). The
   * default of the operator setting of the same name (console settings), which wins when set; read per call.
   */
  LINKEDIN_API_FAMILY: z.enum(["v2", "rest"]).default("v2"),
  /** Attempts per LinkedIn call before giving up with a clear message (C26). */
  LINKEDIN_MAX_ATTEMPTS: intFromEnv(5),
  /** First backoff delay; doubles each attempt, with jitter. */
  LINKEDIN_BACKOFF_BASE_MS: intFromEnv(1000),
  /** Minimum spacing between calls of one application to v2/atsIntegrations, as LinkedIn receives them (C13, C30). */
  LINKEDIN_BATCH_SPACING_MS: intFromEnv(1000),
  /**
   * ASSUMPTION (LinkedIn documents no pace for its token endpoint): minimum spacing between the token requests
   * with which a bulk import checks its rows (issue 10 item 7), across every Onramp process.
   */
  LINKEDIN_IMPORT_SPACING_MS: intFromEnv(100),
  /**
   * L27, ASSUMPTION: a resolved One-Click Export whose answer names no integrationContext can not be checked
   * against the customer it was pushed to; true (default) treats it like another customer's (not relayed as
   * theirs, an anomaly for support), false relays it. An answer naming another customer's context is never relayed.
   */
  LINKEDIN_EXPORT_CONTEXT_REQUIRED: boolFromEnv(true),
};
