// Next 16's proxy (formerly middleware): every page gets a fresh nonce and a Content-Security-Policy
// that allows exactly the LinkedIn hosts the configuration plugin needs (C9). The policy is the same
// on every page because a client-side navigation keeps the first document's policy: the plugin must
// load on /integrations however the customer admin got there (C8). API routes are left alone (the
// LinkedIn callback must reach its handler untouched, issue #5): their headers are lib/http/security-headers.ts's.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "@/lib/integrations/widget-csp";
import { widgetExtensionUrl } from "@/lib/integrations/widget-extension";
import { LINK_NOT_VALID_PATH, pathDecodes } from "@/lib/links/path-segment";

/** Embedded mode (issue 12): only the customer admin's pages may be framed, by EMBED_ALLOWED_ORIGINS. */
export function isEmbeddable(pathname: string): boolean {
  return pathname === "/integrations" || pathname.startsWith("/integrations/") || pathname.startsWith("/admin-link/");
}

export function proxy(request: NextRequest): NextResponse {
  const e = env();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    linkedInUrls: [e.LINKEDIN_PLATFORM_URL, e.LINKEDIN_OAUTH_URL, widgetExtensionUrl(e)],
    development: e.NODE_ENV === "development",
    frameAncestors: isEmbeddable(request.nextUrl.pathname) ? e.EMBED_ALLOWED_ORIGINS : [],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", csp);
  // A malformed percent-escape ("/invite/%") would make Next's router answer 500: the link is simply not valid.
  const response = pathDecodes(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL(LINK_NOT_VALID_PATH, request.url), { request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Issue 20 item 8: HSTS in production over https; the static headers come from next.config.ts.
  const hsts = strictTransportSecurity(e);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
