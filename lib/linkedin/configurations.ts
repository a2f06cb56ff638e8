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
// On the `rest` family the same operations go to rest/integrationConfigurations in its (assumed) shape
// (api-versions.ts, L22); the family is resolved per call (api-dialect.ts).
import type { IntegrationTuple } from "./compound-key";
import { dialectNow } from "./dialect-now";
import { LinkedInError } from "./errors";
import { linkedInRequest } from "./http";
import { configurationsResponseSchema } from "./schemas";
import { asApplication, type LinkedInApplicationRef } from "./token";

export type ConfigurationsBody = { entities: Record<string, { configurationValue: { string: string } }> };

/** The request body for `entries` (L15), keyed by `keyOf` (the family's key of one configuration). */
export function configurationsBody(
  entries: Record<string, string>,
  keyOf: (key: string) => string = (key) => key,
): ConfigurationsBody {
  const entities: ConfigurationsBody["entities"] = {};
  for (const [key, value] of Object.entries(entries)) entities[keyOf(key)] = { configurationValue: { string: value } };
  return { entities };
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
  const d = await dialectNow();
  assertKeys(keys, d.endpoints.writeConfigurations);
  const { data } = await linkedInRequest({
    endpoint: d.endpoints.writeConfigurations,
    ...asApplication(application),
    method: "PUT",
    url: d.configurationsUrl(tuple, keys),
    headers: { ...d.headers, "x-restli-method": "batch_update" },
    body: { json: configurationsBody(entries, (key) => d.configurationBodyKey(tuple, key)) },
    schema: configurationsResponseSchema,
  });
  // Answer keys are read, never matched as sent (L25: canonical order on rest).
  const byKey = <V>(record: Record<string, V> | undefined): Map<string, V> =>
    new Map(
      Object.entries(record ?? {}).flatMap(([k, v]) => {
        const name = d.configurationKeyOf(k);
        return name ? [[name, v] as const] : [];
      }),
    );
  const errors = byKey(data?.errors);
  const answered = byKey(data?.results);
  const results: ConfigurationResults = {};
  for (const key of keys) {
    const error = errors.get(key);
    const status = answered.get(key)?.status;
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
  const d = await dialectNow();
  assertKeys(keys, d.endpoints.deleteConfigurations);
  await linkedInRequest({
    endpoint: d.endpoints.deleteConfigurations,
    ...asApplication(application),
    method: "DELETE",
    url: d.configurationsUrl(tuple, keys),
    headers: { ...d.headers, ...(d.choice.family === "rest" ? { "x-restli-method": "batch_delete" } : {}) },
    schema: configurationsResponseSchema,
  });
}
