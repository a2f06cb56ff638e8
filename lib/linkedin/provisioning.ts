import "server-only";
// Creating a customer application with the vendor's parent application (C1): the Provisioning API.
// The seeds only say "the Provisioning API allows you to create API keys for each of your customers"
// and that the customer is identified by uniqueForeignId; the endpoint's other request fields (name,
// description, oauth2AuthorizedCallbackUrls, validJsOrigins), the name rules and the 409 on a
// repeated uniqueForeignId come from LinkedIn's Provisioning API page, outside the seeds.
import { env } from "@/lib/env";
import { ENDPOINTS, PATHS } from "./endpoints";
import { LinkedInError, isLinkedInError } from "./errors";
import { linkedInRequest, type BearerAuth } from "./http";
import { applicationNameProblems, provisionedApplicationName } from "./provisioning-name";
import { provisionedApplicationSchema } from "./schemas";
import { requestClientCredentialsToken } from "./token";

export interface ProvisionApplicationInput {
  /** The vendor's customer id (Customer.foreignId); unique per parent application. */
  uniqueForeignId: string;
  customerName: string;
  description: string;
  /** OAuth 2.0 redirect URLs of the child application (may be empty for 2-legged use). */
  callbackUrls: string[];
  /** Origins (scheme://host[:port]) allowed to load the widget with this API key (C4); omitted when none. */
  jsOrigins?: string[];
}

export interface ProvisionedApplication {
  clientId: string;
  /** Shown to no one: the caller encrypts it at once (C3). */
  clientSecret: string;
  /** The name LinkedIn was given. */
  name: string;
}

function parentCredentials(): { clientId: string; clientSecret: string } {
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
function parentAuth(parent: { clientId: string; clientSecret: string }): BearerAuth {
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

/** POST {api}/v2/provisionedApplications (C1). Throws LinkedInError; 409 is kind "conflict". */
export async function provisionApplication(input: ProvisionApplicationInput): Promise<ProvisionedApplication> {
  const e = env();
  const name = provisionedApplicationName(e.LINKEDIN_VENDOR_NAME, input.customerName);
  const problems = applicationNameProblems(name);
  if (input.uniqueForeignId.trim() === "") problems.push("the customer has no foreign id");
  if (input.description.trim() === "") problems.push("the description is empty");
  if (problems.length > 0) {
    throw new LinkedInError("bad_request", `Onramp can not provision an application named "${name}": ${problems.join("; ")}.`, {
      endpoint: ENDPOINTS.provisionApplication,
      attempts: 0,
    });
  }
  const parent = parentCredentials();
  try {
    const { data } = await linkedInRequest({
      endpoint: ENDPOINTS.provisionApplication,
      clientId: parent.clientId,
      subject: "vendor",
      method: "POST",
      url: `${e.LINKEDIN_API_URL}${PATHS.provisionedApplications}`,
      body: {
        json: {
          uniqueForeignId: input.uniqueForeignId,
          name,
          description: input.description,
          oauth2AuthorizedCallbackUrls: input.callbackUrls,
          ...(input.jsOrigins && input.jsOrigins.length > 0 ? { validJsOrigins: input.jsOrigins } : {}),
        },
      },
      auth: parentAuth(parent),
      schema: provisionedApplicationSchema,
    });
    return { clientId: data.clientId, clientSecret: data.clientSecret, name };
  } catch (err) {
    if (isLinkedInError(err) && err.kind === "conflict") {
      throw new LinkedInError(
        "conflict",
        `LinkedIn already has an application for this customer (uniqueForeignId "${input.uniqueForeignId}"). Enter that application's existing API key and secret by hand instead of provisioning a new one.`,
        { endpoint: err.endpoint, httpStatus: err.httpStatus, attempts: err.attempts },
      );
    }
    throw err;
  }
}
