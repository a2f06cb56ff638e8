// zod schemas of every LinkedIn response the client reads, each beside its type. Pure.
// A response that does not match is a LinkedInError of kind "invalid_response" (lib/linkedin/http.ts):
// Onramp never acts on a body it did not understand.
import { z } from "zod";

/** Onboarding statuses (C18). */
export const onboardingStatusSchema = z.enum(["REQUESTED", "PARTNER_READY", "ENABLED"]);
export type LinkedInOnboardingStatus = z.infer<typeof onboardingStatusSchema>;

/** Client-credentials grant answer (C2, C27). Token grant details come from outside the seeds. */
export const accessTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // Seconds; LinkedIn's tokens last 60 days (C27).
  expires_in: z.number().int().positive(),
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

const credentialsSnake = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const credentialsCamel = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });

/**
 * POST /v2/provisionedApplications answer (C1). Outside the seeds: LinkedIn's Provisioning API page
 * returns the new application's credentials; the client accepts them nested under "credentials"
 * (snake_case or camelCase) or at the top level, and normalizes to {clientId, clientSecret}.
 */
export const provisionedApplicationSchema = z
  .union([
    z.object({ credentials: z.union([credentialsSnake, credentialsCamel]) }),
    credentialsCamel,
    credentialsSnake,
  ])
  .transform((v) => {
    const c = "credentials" in v ? v.credentials : v;
    return "clientId" in c
      ? { clientId: c.clientId, clientSecret: c.clientSecret }
      : { clientId: c.client_id, clientSecret: c.client_secret };
  });
export type ProvisionedApplicationCredentials = z.output<typeof provisionedApplicationSchema>;

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
  dataProvider: z.literal("ATS"),
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
  links: z
    .array(z.object({ rel: z.string(), href: z.string(), type: z.string().optional() }))
    .default([]),
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
    .record(
      z.string(),
      z.object({ integrationName: z.string().optional(), onboardingStatus: onboardingStatusSchema }),
    )
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
