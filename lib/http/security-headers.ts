// The security headers of every answer (issue 20 item 8). Pure: next.config.ts adds the static ones to every
// path at build time (pages, route handlers, next-auth's own /api/auth/* pages, static files), and the parts
// that depend on the running configuration (HSTS) are added where answers are made: proxy.ts for pages and
// lib/auth/route.ts for next-auth's routes. The pages' own Content-Security-Policy, with the LinkedIn hosts
// and the embedded pages' frame-ancestors, is lib/integrations/widget-csp.ts (set by proxy.ts).

export type HeaderPair = { key: string; value: string };

/**
 * On every path. Referrer-Policy keeps the origin for LinkedIn's scripts (the plugin's domain check, L6) but
 * never a path: sign-in and invitation links carry their token in the path. Permissions-Policy turns off
 * the powerful features no Onramp page uses.
 */
export const BASELINE_HEADERS: readonly HeaderPair[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), browsing-topics=()",
  },
];

/**
 * Under /api/ (proxy.ts does not run there): JSON answers and next-auth's own pages (sign-out is a form with
 * inline styles and no script). Never framed: a framed sign-out page is a click away from signing someone out.
 */
export const API_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The rules for next.config.ts's headers(): baseline everywhere, the API policy under /api/. */
export function staticHeaderRules(): { source: string; headers: HeaderPair[] }[] {
  return [
    { source: "/:path*", headers: [...BASELINE_HEADERS] },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
  ];
}

/** Two years; not includeSubDomains, which would bind the vendor's other hosts to https too. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Strict-Transport-Security for a production instance served over https (PUBLIC_URL); null otherwise. */
export function strictTransportSecurity(e: { NODE_ENV: string; PUBLIC_URL: string }): string | null {
  return e.NODE_ENV === "production" && e.PUBLIC_URL.startsWith("https://") ? `max-age=${HSTS_MAX_AGE_SECONDS}` : null;
}
