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
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;
