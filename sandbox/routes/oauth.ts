// POST /oauth/v2/accessToken — two-legged client credentials (C2, C27, L1): 30-minute tokens, no refresh token,
// `expires_in` written as a string like the docs' sample ("1800") or as a number like the SDK's fixture (settings).
import { sameSecret } from "../auth";
import type { Reply, RequestContext } from "../http-io";
import type { SandboxState } from "../state";

function oauthError(status: number, error: string, description: string): Reply {
  return { status, json: { error, error_description: description }, rejection: `${error}: ${description}` };
}

export async function handleAccessToken(ctx: RequestContext, state: SandboxState): Promise<Reply> {
  const type = ctx.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    return oauthError(400, "invalid_request", `Content-Type must be application/x-www-form-urlencoded, got "${type}"`);
  const form = new URLSearchParams((await ctx.body()).toString("utf8"));
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", 'A required parameter "grant_type" is missing');
  if (grantType !== "client_credentials")
    return oauthError(400, "unsupported_grant_type", `grant_type "${grantType}" is not supported here`);
  const clientId = form.get("client_id");
  const clientSecret = form.get("client_secret");
  if (!clientId) return oauthError(400, "invalid_request", 'A required parameter "client_id" is missing');
  if (!clientSecret) return oauthError(400, "invalid_request", 'A required parameter "client_secret" is missing');
  ctx.note.clientId = clientId;
  const app = state.applications.get(clientId);
  // L7: both of an application's secrets stay valid until one is deleted.
  const secrets = app ? [app.clientSecret, app.previousSecret].filter((v): v is string => v !== null) : [];
  if (!app || !secrets.some((s) => sameSecret(s, clientSecret)))
    return oauthError(401, "invalid_client", "Client authentication failed");
  const token = state.issueToken(app.clientId);
  const ttl = state.settings.tokenTtlSeconds;
  return {
    status: 200,
    json: { access_token: token.token, expires_in: state.settings.expiresInAs === "string" ? String(ttl) : ttl },
  };
}
