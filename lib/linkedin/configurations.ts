import "server-only";
// Integration configurations (C15–C17): key-value pairs of one integration, among them the customer's
// callback URL (C16) and the entity visibility defaults (C17).
//
// NOT FROM THE SEEDS: the seeds say configurations exist and must be sent, but not how. The request
// below (PUT …/atsIntegrations/{compound key}/configurations with
// {"entities": {"<KEY>": {"configurationValue": {"string": "<value>"}}}}) follows LinkedIn's
// "Integration Types" / configuration pages, outside the seeds. It is kept in this one file so it can
// be corrected in one place.
import { env } from "@/lib/env";
import { compoundKeyPathSegment, type IntegrationTuple } from "./compound-key";
import { ENDPOINTS, PATHS } from "./endpoints";
import { LinkedInError } from "./errors";
import { linkedInRequest } from "./http";
import { configurationsResponseSchema } from "./schemas";
import { describeEntityError } from "./error-body";
import { applicationAuth, type LinkedInApplicationRef } from "./token";

export type ConfigurationsBody = { entities: Record<string, { configurationValue: { string: string } }> };

/** The request body for `entries` (outside the seeds, see the file header). */
export function configurationsBody(entries: Record<string, string>): ConfigurationsBody {
  const entities: ConfigurationsBody["entities"] = {};
  for (const [key, value] of Object.entries(entries)) entities[key] = { configurationValue: { string: value } };
  return { entities };
}

/** The URL of one integration's configurations. */
export function configurationsUrl(tuple: IntegrationTuple): string {
  return `${env().LINKEDIN_API_URL}${PATHS.atsIntegrations}/${compoundKeyPathSegment(tuple)}/configurations`;
}

/**
 * Writes `entries` as the configurations of one integration. Throws LinkedInError, also when the call
 * succeeded but LinkedIn refused one of the keys (its per-key answer, read like C14).
 */
export async function writeIntegrationConfigurations(
  application: LinkedInApplicationRef,
  tuple: IntegrationTuple,
  entries: Record<string, string>,
): Promise<void> {
  const emptyKeys = Object.keys(entries).filter((k) => k.trim() === "");
  if (Object.keys(entries).length === 0 || emptyKeys.length > 0) {
    throw new LinkedInError("bad_request", "Onramp has no configuration to send for this integration (a key is missing).", {
      endpoint: ENDPOINTS.writeConfigurations,
      attempts: 0,
    });
  }
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.writeConfigurations,
    clientId: application.clientId,
    applicationId: application.id,
    method: "PUT",
    url: configurationsUrl(tuple),
    body: { json: configurationsBody(entries) },
    auth: applicationAuth(application),
    schema: configurationsResponseSchema,
  });
  if (!data) return;
  const refused = Object.keys(entries).flatMap((key) => {
    const error = data.errors[key];
    const status = data.results[key]?.status;
    if (error) return [`${key}: ${describeEntityError(error, status)}`];
    if (status !== undefined && (status < 200 || status >= 300)) return [`${key}: ${describeEntityError(undefined, status)}`];
    return [];
  });
  if (refused.length > 0) {
    throw new LinkedInError("bad_request", `LinkedIn refused configuration ${refused.join("; ")}.`, {
      endpoint: ENDPOINTS.writeConfigurations,
      httpStatus: 200,
      attempts: 1,
    });
  }
}
