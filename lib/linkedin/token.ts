import "server-only";
import { DecryptionError, decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
// Access tokens of customer applications (C2, C27, L1): the client-credentials grant. Tokens live 30 minutes,
// there is no refresh token, `expires_in` comes as "1800" or 1800 (schemas.ts). Cached encrypted in
// CustomerApplication.accessTokenEnc and renewed LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS before they expire, so a
// long sync never sends an expired one; a 401 on any call drops the cache, asks for a new token and retries once
// (http.ts; L29 CRM-005). Only the token endpoint refusing the keys records them as refused for the operator.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { customerKeysRefused } from "@/lib/events/hooks";
import { openIssue, resolveIssues } from "@/lib/issues/lifecycle";
import { logger } from "@/lib/log/logger";
import { ENDPOINTS, PATHS } from "./endpoints";
import { isLinkedInError, LinkedInError } from "./errors";
import { type BearerAuth, linkedInRequest } from "./http";
import { accessTokenResponseSchema } from "./schemas";
import { customerAppSecretContext, customerAppTokenContext } from "./secret-contexts";

/** A cached token is renewed this long before LinkedIn says it expires (L1). */
function renewMarginMs(): number {
  return env().LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS * 1000;
}

/** What the client needs to know of a customer application; it reads the rest itself. */
export interface LinkedInApplicationRef {
  /** CustomerApplication.id */
  id: string;
  /** LinkedIn API key (client id). */
  clientId: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** C27 in plain words: what the operator must do when LinkedIn refuses a customer's keys. */
export function rejectedKeysMessage(detail?: string): string {
  const said = detail ? ` (${detail})` : "";
  return (
    `LinkedIn refused this customer's API key and secret${said}. ` +
    "Check the keys in the customer's LinkedIn developer application and re-enter them in Onramp; " +
    "nothing will reach LinkedIn for this customer until they work."
  );
}

/** Whether a token endpoint error means "these credentials are wrong" (rather than LinkedIn failing). */
function isCredentialRefusal(e: LinkedInError): boolean {
  return e.kind === "unauthorized" || (e.kind === "bad_request" && e.httpStatus === 400);
}

/**
 * POST {oauth}/oauth/v2/accessToken, form-encoded grant_type=client_credentials&client_id&client_secret.
 * Counted and retried like every call (http.ts). The secret is only ever in the request body.
 */
export async function requestClientCredentialsToken(opts: {
  clientId: string;
  clientSecret: string;
  applicationId?: string;
  subject?: "customer" | "vendor";
}): Promise<IssuedToken> {
  const issuedAt = Date.now();
  const { data } = await linkedInRequest({
    endpoint: ENDPOINTS.accessToken,
    clientId: opts.clientId,
    applicationId: opts.applicationId,
    subject: opts.subject,
    method: "POST",
    url: `${env().LINKEDIN_OAUTH_URL}${PATHS.accessToken}`,
    body: { form: { grant_type: "client_credentials", client_id: opts.clientId, client_secret: opts.clientSecret } },
    schema: accessTokenResponseSchema,
  });
  return { accessToken: data.access_token, expiresAt: new Date(issuedAt + data.expires_in * 1000) };
}

async function recordAuthFailure(applicationId: string, message: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.customerApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: { lastAuthError: true, customerId: true },
    });
    await tx.customerApplication.update({
      where: { id: applicationId },
      data: { lastAuthError: message, lastAuthErrorAt: new Date(), accessTokenEnc: null, accessTokenExpiresAt: null },
    });
    // The vendor's event (issue 12): when keys that worked are refused, not again on every later call.
    if (before.lastAuthError === null) await customerKeysRefused(tx, applicationId, message);
    // Issue 22: the support issue, one occurrence per refusal that was news (a later call refused again only
    // confirms it), so a burst of calls with dead keys is one occurrence.
    await openIssue(tx, {
      type: "KEYS_REFUSED",
      customerId: before.customerId,
      detail: message,
      by: "system:linkedin-token",
      occurrence: before.lastAuthError === null,
    });
  });
}

/** Gets a new token for a stored application, caches it encrypted, and records the outcome (C27). */
async function issueAndCache(app: LinkedInApplicationRef): Promise<string> {
  const row = await db.customerApplication.findUniqueOrThrow({
    where: { id: app.id },
    select: { clientSecretEnc: true, clientId: true },
  });
  let clientSecret: string;
  try {
    clientSecret = decryptSecret(row.clientSecretEnc, customerAppSecretContext(app.id));
  } catch (e) {
    if (!(e instanceof DecryptionError)) throw e;
    // The stored secret is unreadable (its key was removed from ONRAMP_ENCRYPTION_OLD_KEYS, or the row
    // was tampered with): only new keys help, so the operator is told like for refused keys (C27).
    const message = `Onramp can not read this customer's stored secret (${e.message}). Re-enter the customer's API key and secret.`;
    await recordAuthFailure(app.id, message);
    throw new LinkedInError("not_configured", message, { endpoint: ENDPOINTS.accessToken, attempts: 0 });
  }
  let issued: IssuedToken;
  try {
    issued = await requestClientCredentialsToken({ clientId: row.clientId, clientSecret, applicationId: app.id });
  } catch (e) {
    if (isLinkedInError(e) && isCredentialRefusal(e)) {
      const message = rejectedKeysMessage(`HTTP ${e.httpStatus ?? "?"} from the token endpoint`);
      await recordAuthFailure(app.id, message);
      logger().warn({ applicationId: app.id, clientId: row.clientId }, "LinkedIn refused the customer's keys");
      throw new LinkedInError("unauthorized", message, {
        endpoint: e.endpoint,
        httpStatus: e.httpStatus,
        attempts: e.attempts,
      });
    }
    throw e;
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { customerId } = await tx.customerApplication.update({
      where: { id: app.id },
      data: {
        accessTokenEnc: encryptSecret(issued.accessToken, customerAppTokenContext(app.id)),
        accessTokenExpiresAt: issued.expiresAt,
        lastAuthError: null,
        lastAuthErrorAt: null,
        lastVerifiedAt: now,
      },
      select: { customerId: true },
    });
    // Issue 22: LinkedIn accepts the keys again, so a "keys refused" issue resolves itself (one indexed update).
    await resolveIssues(tx, { type: "KEYS_REFUSED", customerId, by: "system:linkedin-token" });
  });
  return issued.accessToken;
}

/** The application's access token: the cached one while it has more than the margin left, else a new one. */
export async function getApplicationToken(app: LinkedInApplicationRef, now: Date = new Date()): Promise<string> {
  const row = await db.customerApplication.findUniqueOrThrow({
    where: { id: app.id },
    select: { accessTokenEnc: true, accessTokenExpiresAt: true },
  });
  if (
    row.accessTokenEnc &&
    row.accessTokenExpiresAt &&
    row.accessTokenExpiresAt.getTime() - renewMarginMs() > now.getTime()
  ) {
    try {
      return decryptSecret(row.accessTokenEnc, customerAppTokenContext(app.id));
    } catch (e) {
      // An unreadable cached token is only a cache miss: a new one is issued below.
      if (!(e instanceof DecryptionError)) throw e;
    }
  }
  return issueAndCache(app);
}

/** Drops the cached token (after a 401) so the next call asks LinkedIn for a new one. */
export async function clearApplicationToken(app: LinkedInApplicationRef): Promise<void> {
  await db.customerApplication.update({
    where: { id: app.id },
    data: { accessTokenEnc: null, accessTokenExpiresAt: null },
  });
}

/** The BearerAuth of a customer application, for http.ts (C2, C27). */
/** A request made as the customer's application: whose calls it counts among, and the application's bearer. */
export function asApplication(app: LinkedInApplicationRef) {
  return { clientId: app.clientId, applicationId: app.id, auth: applicationAuth(app) };
}

export function applicationAuth(app: LinkedInApplicationRef): BearerAuth {
  return {
    token: () => getApplicationToken(app),
    renew: async () => {
      await clearApplicationToken(app);
      return issueAndCache(app);
    },
    // L29 (CRM-005): a 401 is answered by asking for a new token (renew); only the token endpoint refusing the
    // keys marks them refused (issueAndCache). A fresh token LinkedIn still answers 401 to fails this call
    // alone: the keys were just accepted, so they are not recorded as refused and the next call asks again.
    rejected: async (endpoint) => {
      logger().warn(
        { applicationId: app.id, clientId: app.clientId, endpoint },
        "LinkedIn answered 401 to a fresh token",
      );
      return (
        `LinkedIn answered HTTP 401 on ${endpoint} even with a token it had just issued for this customer's keys. ` +
        "The keys themselves were accepted; Onramp will ask for a new token on the next try. If this persists, " +
        "check with LinkedIn that the customer's application may use this API."
      );
    },
  };
}

/** refused: LinkedIn said these keys are wrong; unreachable: LinkedIn could not be asked (try again later). */
export type CredentialCheck = { ok: true } | { ok: false; refused: boolean; message: string };

/**
 * Checks keys an operator just entered (C1) with one token request. Never stores or logs the secret;
 * answers a message for the form when LinkedIn refuses them or can not be asked.
 */
export async function verifyApplicationCredentials(clientId: string, clientSecret: string): Promise<CredentialCheck> {
  // No trimming here: the caller stores exactly what it verified.
  if (clientId.trim() === "" || clientSecret.trim() === "")
    return { ok: false, refused: true, message: "Enter both the API key and the secret." };
  try {
    await requestClientCredentialsToken({ clientId, clientSecret });
    return { ok: true };
  } catch (e) {
    if (!isLinkedInError(e)) throw e;
    if (isCredentialRefusal(e)) {
      return {
        ok: false,
        refused: true,
        message:
          "LinkedIn refused this API key and secret. Copy both again from the LinkedIn developer application and retry.",
      };
    }
    return { ok: false, refused: false, message: e.message };
  }
}

/**
 * Issue 22 point 2, the scheduled health check: one token request with the stored keys (paced and counted like every
 * call, http.ts), whatever token is cached. A refusal is recorded as on any call (C27: the "keys refused" issue opens
 * before a sync fails); an accepted request caches the token and resolves it. "unreachable": LinkedIn could not be
 * asked (5xx, timeout, a daily hold); nothing is concluded.
 */
export async function checkApplicationKeys(
  app: LinkedInApplicationRef,
): Promise<"accepted" | "refused" | "unreachable"> {
  try {
    await issueAndCache(app);
    return "accepted";
  } catch (e) {
    if (!isLinkedInError(e)) throw e;
    return e.kind === "unauthorized" || e.kind === "not_configured" ? "refused" : "unreachable";
  }
}
