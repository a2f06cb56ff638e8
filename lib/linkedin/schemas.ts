// zod schemas of every LinkedIn response the client reads, each beside its type. Pure.
// A response that does not match is a LinkedInError of kind "invalid_response" (lib/linkedin/http.ts):
// Onramp never acts on a body it did not understand.
import { z } from "zod";
import { DATA_PROVIDERS } from "./data-provider";

/** Onboarding statuses (C18). */
export const onboardingStatusSchema = z.enum(["REQUESTED", "PARTNER_READY", "ENABLED"]);
export type LinkedInOnboardingStatus = z.infer<typeof onboardingStatusSchema>;

/** Client-credentials grant answer (C2, C27). Token grant details come from outside the seeds. */
export const accessTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // Seconds; two-legged tokens last 30 minutes (L1). The docs' sample writes "1800", the SDK's fixture 1800.
  expires_in: z
    .union([z.number(), z.string().regex(/^\d+$/, "a number of seconds")])
    .transform(Number)
    .pipe(z.number().int().positive()),
});
export type AccessTokenResponse = z.infer<typeof accessTokenResponseSchema>;

/** OAuth error body, e.g. {"error":"invalid_client","error_description":"Client authentication failed"}. */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorSchema>;

/** Rest.li error body: {"status": 409, "message": "...", "serviceErrorCode": 0}. */
export const restliErrorSchema = z.object({
  status: z.number().int().optional(),
  message: z.string().optional(),
  serviceErrorCode: z.number().int().optional(),
  code: z.string().optional(),
});
export type RestliError = z.infer<typeof restliErrorSchema>;

/** "urn:li:developerApplication:{n}" (L4). */
export const applicationUrnSchema = z
  .string()
  .regex(/^urn:li:developerApplication:\d+$/, "must be urn:li:developerApplication:{number}");

/** POST /v2/provisionedApplications answer (L4, SDK CreateApplicationSuccessResponse.json). */
export const provisionedApplicationSchema = z
  .object({
    key: applicationUrnSchema,
    credentials: z.object({ client_id: z.string().min(1), client_secret: z.string().min(1).max(256) }),
  })
  .transform((v) => ({ urn: v.key, clientId: v.credentials.client_id, clientSecret: v.credentials.client_secret }));
export type ProvisionedApplicationCredentials = z.output<typeof provisionedApplicationSchema>;

/** GET /v2/provisionedApplications?q=credentialsByUniqueForeignId answer (L5): no secret. */
export const applicationLookupSchema = z.object({
  elements: z.array(
    z.object({
      key: applicationUrnSchema,
      credentials: z.object({ client_id: z.string().min(1) }),
      uniqueForeignId: z.string().optional(),
      validJsSdkDomains: z.array(z.string()).default([]),
      oauth2AuthorizedCallbackUrls: z.array(z.string()).default([]),
    }),
  ),
});
export type ApplicationLookup = z.output<typeof applicationLookupSchema>;

/** rollDeveloperApplicationSecret answer (L7). */
export const rolledSecretSchema = z.object({ value: z.object({ client_secret: z.string().min(1).max(256) }) });

/** An answer without a body (204), e.g. the application update (L6). */
export const noContentSchema = z.unknown();

/**
 * batch_partial_update answer (C14): 200 even when some entities failed. `results` carries each
 * entity's own status (204 on success); `errors` the failed ones. Keys are compound keys in any order
 * and encoding: parse them (compound-key.ts).
 */
export const batchUpdateResponseSchema = z.object({
  errors: z.record(z.string(), restliErrorSchema).default({}),
  results: z.record(z.string(), z.object({ status: z.number().int() })).default({}),
});
export type BatchUpdateResponse = z.infer<typeof batchUpdateResponseSchema>;

/** One integration as the atsIntegrations finders return it (C19). */
export const atsIntegrationElementSchema = z.object({
  // C12: ATS; L28: CRM tuples may come back as PARTNER.
  dataProvider: z.enum(DATA_PROVIDERS),
  integrationContext: z.string().min(1),
  integrationName: z.string().optional(),
  integrationType: z.string().min(1),
  onboardingStatus: onboardingStatusSchema,
  tenantType: z.string().min(1),
});
export type AtsIntegrationElement = z.infer<typeof atsIntegrationElementSchema>;

/** Rest.li paging (C19, C30): start/count, optional total, links with rel "next"/"prev". */
export const pagingSchema = z.object({
  count: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  links: z.array(z.object({ rel: z.string(), href: z.string(), type: z.string().optional() })).default([]),
});
export type Paging = z.infer<typeof pagingSchema>;

/** GET /v2/atsIntegrations?q=request&requestId=… answer (C19). */
export const requestLookupResponseSchema = z.object({
  elements: z.array(atsIntegrationElementSchema),
  paging: pagingSchema,
});
export type RequestLookupResponse = z.infer<typeof requestLookupResponseSchema>;

/** GET /v2/atsIntegrations?ids[0]… answer (C19b): results keyed by compound key. */
export const idsLookupResponseSchema = z.object({
  errors: z.record(z.string(), restliErrorSchema).default({}),
  results: z
    .record(z.string(), z.object({ integrationName: z.string().optional(), onboardingStatus: onboardingStatusSchema }))
    .default({}),
  statuses: z.record(z.string(), z.number().int()).default({}),
});
export type IdsLookupResponse = z.infer<typeof idsLookupResponseSchema>;

/**
 * Configurations PUT answer (outside the seeds): no body (204), or per configuration key a status and
 * errors in the batch shape of C14.
 */
export const configurationsResponseSchema = z
  .object({
    errors: z.record(z.string(), restliErrorSchema).default({}),
    results: z.record(z.string(), z.object({ status: z.number().int() })).default({}),
  })
  .optional();
export type ConfigurationsResponse = z.infer<typeof configurationsResponseSchema>;
