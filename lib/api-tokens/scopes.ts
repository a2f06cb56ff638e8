// What an API token may do (issue #6). Pure: the console's token form lists these.
import { z } from "zod";

export const API_SCOPES = [
  "customers:read",
  "customers:write",
  "integrations:read",
  "events:read",
  "webhooks:manage",
  "linkedin-tokens:read",
  "admin-links:create",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "customers:read": "Read customers, their application key status and callback URLs",
  "customers:write": "Create and update customers, set application keys, ask for provisioning",
  "integrations:read": "List integrations and their onboarding statuses",
  "events:read": "Read the event feed (status changes, relayed LinkedIn pushes…)",
  "webhooks:manage": "Register webhook endpoints, rotate their secrets, see deliveries, replay and test",
  "linkedin-tokens:read": "Get a customer's current LinkedIn access token (audited; never the secret)",
  "admin-links:create": "Mint single-use sign-in links for customer admins",
};

export const apiScopeSchema = z.enum(API_SCOPES, { error: `must be one of ${API_SCOPES.join(", ")}` });

/**
 * How long a new token lives (issue 11 item 6): a leaked token stops working on its own. ASSUMPTION (neither the
 * contract nor LinkedIn speaks of Onramp's own tokens): 90 days unless the operator picks otherwise; "never" stays
 * possible for systems that cannot rotate, and such a token can still be revoked.
 */
export const API_TOKEN_LIFETIMES = ["30", "90", "180", "365", "never"] as const;
export type ApiTokenLifetime = (typeof API_TOKEN_LIFETIMES)[number];
export const DEFAULT_API_TOKEN_LIFETIME: ApiTokenLifetime = "90";
export const API_TOKEN_LIFETIME_LABELS: Record<ApiTokenLifetime, string> = {
  "30": "30 days",
  "90": "90 days",
  "180": "180 days",
  "365": "1 year",
  never: "Never (revoke it by hand)",
};

/** When a token created at `now` with `lifetime` expires; null when it does not. */
export function apiTokenExpiry(lifetime: ApiTokenLifetime, now: Date): Date | null {
  return lifetime === "never" ? null : new Date(now.getTime() + Number(lifetime) * 24 * 60 * 60 * 1000);
}

export const apiTokenCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token, e.g. after the system that uses it.")
    .max(80, "Use at most 80 characters."),
  scopes: z
    .union([apiScopeSchema, z.array(apiScopeSchema)], { error: "Choose at least one scope." })
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .pipe(z.array(apiScopeSchema).min(1, "Choose at least one scope.")),
  expiresInDays: z
    .enum(API_TOKEN_LIFETIMES, { error: `Choose how long the token lives: ${API_TOKEN_LIFETIMES.join(", ")} days.` })
    .default(DEFAULT_API_TOKEN_LIFETIME),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;
