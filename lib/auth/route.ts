import "server-only";
// next-auth's own routes (/api/auth/*: sign-in, sign-out, session, CSRF), wrapped (issue 20 items 6 and 8): a POST
// body is read bounded (REQUEST_MAX_BODY_BYTES, 413 over it) before next-auth parses it, and its answers carry
// HSTS in production like the pages (proxy.ts does not run under /api/). The static headers, including a
// never-framed Content-Security-Policy for its sign-out page, come from next.config.ts (lib/http/security-headers.ts).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors/respond";
import { readBodyWithin } from "@/lib/http/bounded-body";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { authOptions } from "./options";

type AuthContext = { params: Promise<{ nextauth: string[] }> };

/** The same request with its body read, at most REQUEST_MAX_BODY_BYTES (throws a 413 SafeError past it). */
async function boundedRequest(req: NextRequest): Promise<NextRequest> {
  if (req.method !== "POST") return req;
  const body = await readBodyWithin(req, env().REQUEST_MAX_BODY_BYTES);
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body });
}

export async function authRoute(req: NextRequest, ctx: AuthContext): Promise<Response> {
  let bounded: NextRequest;
  try {
    bounded = await boundedRequest(req);
  } catch (e) {
    return errorResponse(e);
  }
  const res = (await NextAuth(bounded as never, { params: await ctx.params } as never, authOptions())) as Response;
  const hsts = strictTransportSecurity(env());
  if (!hsts) return res;
  // A copy: some Responses (redirects) have immutable headers.
  const headers = new Headers(res.headers);
  headers.set("Strict-Transport-Security", hsts);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
