// Bearer tokens on every API request (C2); a dead token answers 401 (C27).
import { timingSafeEqual } from "node:crypto";
import type { Application } from "./records";
import type { SandboxState } from "./state";
import { apiError, type Reply, type RequestContext } from "./http-io";

export type Authenticated = { ok: true; app: Application } | { ok: false; reply: Reply };

/** The application a bearer token belongs to, without answering (used to note spacing on faulted calls). */
export function peekApplication(ctx: RequestContext, state: SandboxState): Application | null {
  const m = /^Bearer (\S+)$/.exec(ctx.header("authorization") ?? "");
  const token = m?.[1] ? state.tokens.get(m[1]) : undefined;
  if (!token || token.revoked || token.expiresAt <= Date.now()) return null;
  return state.applications.get(token.clientId) ?? null;
}

export function authenticate(ctx: RequestContext, state: SandboxState, want: Application["kind"]): Authenticated {
  const header = ctx.header("authorization");
  if (!header) return { ok: false, reply: apiError(401, "Empty oauth2 access token", 65604) };
  const m = /^Bearer (\S+)$/.exec(header);
  if (!m?.[1]) return { ok: false, reply: apiError(401, "Authorization header must be 'Bearer {token}'", 65600) };
  const token = state.tokens.get(m[1]);
  if (!token) return { ok: false, reply: apiError(401, "Invalid access token", 65600) };
  ctx.note.clientId = token.clientId;
  if (token.revoked)
    return { ok: false, reply: apiError(401, "The token used in the request has been revoked by the user", 65601) };
  if (token.expiresAt <= Date.now())
    return { ok: false, reply: apiError(401, "The token used in the request has expired", 65602) };
  const app = state.applications.get(token.clientId);
  if (!app) return { ok: false, reply: apiError(401, "Invalid access token", 65600) };
  if (app.kind !== want) {
    const what = want === "parent" ? "the parent (vendor) application" : "a customer application (C2)";
    return {
      ok: false,
      reply: apiError(403, `Not enough permissions to access this resource: it needs a token of ${what}`, 100),
    };
  }
  return { ok: true, app };
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
