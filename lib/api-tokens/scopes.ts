// What an API token may do (issue #6): the schemas that check a new token. The words and lifetimes, without zod
// (a client component may import them), are in ./scope-words.ts.
import { z } from "zod";
import { API_SCOPES, API_TOKEN_LIFETIMES, DEFAULT_API_TOKEN_LIFETIME } from "./scope-words";

export {
  API_SCOPE_LABELS,
  API_SCOPES,
  API_TOKEN_LIFETIME_LABELS,
  API_TOKEN_LIFETIMES,
  type ApiScope,
  type ApiTokenLifetime,
  apiTokenExpiry,
  DEFAULT_API_TOKEN_LIFETIME,
} from "./scope-words";

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
  expiresInDays: z
    .enum(API_TOKEN_LIFETIMES, { error: `Choose how long the token lives: ${API_TOKEN_LIFETIMES.join(", ")} days.` })
    .default(DEFAULT_API_TOKEN_LIFETIME),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;
