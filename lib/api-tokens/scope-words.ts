// What an API token may do and how long it lives (issue #6), without zod: the console's token form (a client
// component) lists these; the schemas that check a request are in ./scopes.ts.
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
