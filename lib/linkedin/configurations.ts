import "server-only";
// Integration configurations (C15–C17, L14, L15): key-value pairs of one integration, among them the
// customer's callback URL (C16) and the viewers keys (L14, RSC-104).
//
// The request is exactly LinkedIn's Postman collection's (L15, PM-RSC "Sync Integration Configuration…",
// "Delete Integration Configuration…"):
//   PUT {api}/v2/atsIntegrations/{compound key}/configurations?ids=K1&ids=K2
//   x-restli-method: batch_update, Content-Type: application/json, the customer application's token,
//   body {"entities": {"K1": {"configurationValue": {"string": "…"}}, …}}
//   DELETE on the same URL (no body) removes the keys named by ?ids=.
// No sample answer is published (L15, unknown): an empty 2xx, or a batch answer read per key like C14.
import { env } from "@/lib/env";
import { compoundKeyPathSegment, type IntegrationTuple } from "./compound-key";
import { ENDPOINTS, PATHS } from "./endpoints";
import { LinkedInError } from "./errors";
import { linkedInRequest } from "./http";
import { configurationsResponseSchema } from "./schemas";
import { asApplication, type LinkedInApplicationRef } from "./token";

export type ConfigurationsBody = { entities: Record<string, { configurationValue: { string: string } }> };

/** The request body for `entries` (L15). */
export function configurationsBody(entries: Record<string, string>): ConfigurationsBody {
  const entities: ConfigurationsBody["entities"] = {};
  for (const [key, value] of Object.entries(entries)) entities[key] = { configurationValue: { string: value } };
  return { entities };
}

/** The URL of one integration's configurations, `?ids=` naming every key (L15). */
export function configurationsUrl(tuple: IntegrationTuple, keys: readonly string[]): string {
  const ids = keys.map((k) => `ids=${encodeURIComponent(k)}`).join("&");
  return `${env().LINKEDIN_API_URL}${PATHS.atsIntegrations}/${compoundKeyPathSegment(tuple)}/configurations${ids ? `?${ids}` : ""}`;
}

function assertKeys(keys: string[], endpoint: string): void {
  if (keys.length === 0 || keys.some((k) => k.trim() === "")) {
    throw new LinkedInError(
      "bad_request",
      "Onramp has no configuration to send for this integration (a key is missing).",
      { endpoint, attempts: 0 },
    );
  }
}

/** LinkedIn's own words for one refused key: `"message" (HTTP 400)`. */
function keyRefusalWords(error: { status?: number; message?: string } | undefined, status: number | undefined): string {
  const code = error?.status ?? status;
  const words = error?.message ? `"${error.message.replace(/\s+/g, " ").trim()}"` : "no reason given";
  return code !== undefined ? `${words} (HTTP ${code})` : words;
}

/** Per key: null when LinkedIn accepted it, else LinkedIn's words for the refusal. */
export type ConfigurationResults = Record<string, string | null>;

/**
 * Writes `entries` as configurations of one integration. Throws LinkedInError when the call as a whole
 * fails; a key LinkedIn refuses inside a 2xx answer comes back with LinkedIn's words, the others count
 * as accepted.
 */
export async function writeIntegrationConfigurations(
  application: LinkedInApplicationRef,
  tuple: IntegrationTuple,
  entries: Record<string, string>,
): Promise<ConfigurationResults> {
  const keys = Object.keys(entries);
  assertKeys(keys, ENDPOINTS.writeConfigurations);
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.writeConfigurations,
    ...asApplication(application),
    method: "PUT",
    url: configurationsUrl(tuple, keys),
    headers: { "x-restli-method": "batch_update" },
    body: { json: configurationsBody(entries) },
    schema: configurationsResponseSchema,
  });
  const results: ConfigurationResults = {};
  for (const key of keys) {
    const error = data?.errors[key];
    const status = data?.results[key]?.status;
    const failed = error !== undefined || (status !== undefined && (status < 200 || status >= 300));
    results[key] = failed ? keyRefusalWords(error, status) : null;
  }
  return results;
}

/** Removes `keys` from one integration's configurations at LinkedIn (L15: DELETE …/configurations?ids=…). */
export async function deleteIntegrationConfigurations(
  application: LinkedInApplicationRef,
  tuple: IntegrationTuple,
  keys: string[],
): Promise<void> {
  assertKeys(keys, ENDPOINTS.deleteConfigurations);
  await linkedInRequest({
    endpoint: ENDPOINTS.deleteConfigurations,
    ...asApplication(application),
    method: "DELETE",
    url: configurationsUrl(tuple, keys),
    schema: configurationsResponseSchema,
  });
}
