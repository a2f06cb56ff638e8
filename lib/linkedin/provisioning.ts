import "server-only";
// Customer applications through the vendor's parent application (C1, L2–L8): the Provisioning API.
// - create (L3, L4): sent ONCE (not idempotent): a lost answer is recovered by the caller with a look-up
//   by uniqueForeignId (L5) and a secret roll (L7) — lib/customers/provisioning.ts;
// - look-up (L5, no secret), domains update (L6, `$set` replaces the list), secret roll (L7).
// No call deletes an application (L8).
import { env } from "@/lib/env";
import { ENDPOINTS, PATHS } from "./endpoints";
import { LinkedInError, isLinkedInError } from "./errors";
import { linkedInRequest, type BearerAuth } from "./http";
import { applicationNameProblems, provisionedApplicationName } from "./provisioning-name";
import { applicationLookupSchema, noContentSchema, provisionedApplicationSchema, rolledSecretSchema } from "./schemas";
import { requestClientCredentialsToken } from "./token";

export interface ProvisionApplicationInput {
  /** The vendor's customer id (Customer.foreignId); unique per parent application. */
  uniqueForeignId: string;
  customerName: string;
  description: string;
  /** OAuth 2.0 redirect URLs of the child application; the field is omitted when empty (L3). */
  callbackUrls: string[];
  /** validJsSdkDomains: origins (no trailing /) allowed to load the widget with this API key (L3, L9, RSC-105). */
  jsSdkDomains: string[];
}

export interface ProvisionedApplication {
  /** "urn:li:developerApplication:{n}" (L4). */
  urn: string;
  clientId: string;
  /** Shown to no one: the caller encrypts it at once (C3). */
  clientSecret: string;
  /** The name LinkedIn was given. */
  name: string;
}

export function parentCredentials(): { clientId: string; clientSecret: string } {
  const { LINKEDIN_CLIENT_ID: clientId, LINKEDIN_CLIENT_SECRET: clientSecret } = env();
  if (!clientId || !clientSecret) {
    throw new LinkedInError(
      "not_configured",
      "Onramp can not create LinkedIn applications: the vendor's developer application keys are not set (LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET). Set them, or enter the customer's existing keys by hand.",
      { endpoint: ENDPOINTS.provisionApplication, attempts: 0 },
    );
  }
  return { clientId, clientSecret };
}

/** The parent application's bearer: a fresh client-credentials token (provisioning is rare). */
export function parentAuth(parent: { clientId: string; clientSecret: string }): BearerAuth {
  const issue = async () => {
    try {
      return (await requestClientCredentialsToken({ ...parent, subject: "vendor" })).accessToken;
    } catch (e) {
      if (isLinkedInError(e) && (e.kind === "unauthorized" || e.httpStatus === 400)) {
        throw new LinkedInError(
          "unauthorized",
          "LinkedIn refused the vendor's developer application keys (LINKEDIN_CLIENT_ID / LINKEDIN_CLIENT_SECRET). Check them in LinkedIn's developer portal.",
          { endpoint: e.endpoint, httpStatus: e.httpStatus, attempts: e.attempts },
        );
      }
      throw e;
    }
  };
  return {
    token: issue,
    renew: issue,
    rejected: async () =>
      "LinkedIn refused a fresh token of the vendor's developer application for provisioning. Check that the application has access to the Provisioning API (LinkedIn Partner Engineering grants it).",
  };
}

/** A request made as the vendor's parent application: whose calls it counts among, and a token of its own. */
function asVendor() {
  const parent = parentCredentials();
  return { clientId: parent.clientId, subject: "vendor" as const, auth: parentAuth(parent) };
}

/** POST {api}/v2/provisionedApplications (C1, L3, L4), sent once. Throws LinkedInError; 409 is kind "conflict". */
export async function provisionApplication(input: ProvisionApplicationInput): Promise<ProvisionedApplication> {
  const e = env();
  const name = provisionedApplicationName(e.LINKEDIN_VENDOR_NAME, input.customerName);
  const problems = applicationNameProblems(name);
  if (input.uniqueForeignId.trim() === "") problems.push("the customer has no foreign id");
  if (input.description.trim() === "") problems.push("the description is empty");
  if (problems.length > 0) {
    throw new LinkedInError(
      "bad_request",
      `Onramp can not provision an application named "${name}": ${problems.join("; ")}.`,
      {
        endpoint: ENDPOINTS.provisionApplication,
        attempts: 0,
      },
    );
  }
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.provisionApplication,
    ...asVendor(),
    method: "POST",
    url: `${e.LINKEDIN_API_URL}${PATHS.provisionedApplications}`,
    body: {
      json: {
        uniqueForeignId: input.uniqueForeignId,
        name,
        description: input.description,
        ...(input.callbackUrls.length > 0 ? { oauth2AuthorizedCallbackUrls: input.callbackUrls } : {}),
        ...(input.jsSdkDomains.length > 0 ? { validJsSdkDomains: input.jsSdkDomains } : {}),
      },
    },
    schema: provisionedApplicationSchema,
    // L3: a second create is a conflict, never a second application; recovery is the caller's (L5, L7).
    idempotent: false,
  });
  return { ...data, name };
}

export interface FoundApplication {
  urn: string;
  clientId: string;
  jsSdkDomains: string[];
}

/** GET {api}/v2/provisionedApplications?q=credentialsByUniqueForeignId (L5): the application, without its secret. */
export async function findProvisionedApplication(uniqueForeignId: string): Promise<FoundApplication | null> {
  const query = new URLSearchParams({ q: "credentialsByUniqueForeignId", uniqueForeignId });
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.findApplication,
    ...asVendor(),
    method: "GET",
    url: `${env().LINKEDIN_API_URL}${PATHS.provisionedApplications}?${query.toString()}`,
    schema: applicationLookupSchema,
  });
  const found = data.elements[0];
  return found
    ? { urn: found.key, clientId: found.credentials.client_id, jsSdkDomains: found.validJsSdkDomains }
    : null;
}

/** POST {api}/v2/provisionedApplications/{urn} with `$set` (L6): replaces the whole validJsSdkDomains list. */
export async function setApplicationDomains(urn: string, jsSdkDomains: string[]): Promise<void> {
  await linkedInRequest({
    endpoint: ENDPOINTS.updateApplication,
    ...asVendor(),
    method: "POST",
    url: `${env().LINKEDIN_API_URL}${PATHS.provisionedApplications}/${encodeURIComponent(urn)}`,
    body: { json: { patch: { $set: { validJsSdkDomains: jsSdkDomains } } } },
    schema: noContentSchema,
  });
}

/**
 * POST {api}/v2/developerApplicationsSecurity?action=rollDeveloperApplicationSecret (L7): a new secret; the old
 * one stays valid until deleted. LinkedIn refuses when the application already has two. The answer is not
 * retried blindly either: a roll sent twice would use up both places.
 */
export async function rollApplicationSecret(urn: string): Promise<string> {
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.rollSecret,
    ...asVendor(),
    method: "POST",
    url: `${env().LINKEDIN_API_URL}${PATHS.developerApplicationsSecurity}?action=rollDeveloperApplicationSecret`,
    headers: { "X-RestLi-Method": "action", "X-RestLi-Protocol-Version": "2.0.0" },
    body: { json: { childDeveloperApplication: urn } },
    schema: rolledSecretSchema,
    idempotent: false,
  });
  return data.value.client_secret;
}
