// The Content-Security-Policy of Onramp's pages (C9): nonce-based scripts, plus exactly the LinkedIn
// hosts the configuration plugin needs: the platform host that serves in.js and the extension
// (LINKEDIN_PLATFORM_URL: platform.linkedin.com) and LinkedIn's web host the plugin talks to
// (LINKEDIN_OAUTH_URL: www.linkedin.com). With the sandbox both are the sandbox's origin. No
// 'unsafe-eval', except in development where Next's dev runtime needs it. Pure (proxy.ts builds it).

/** Request header through which proxy.ts hands the nonce to server components. */
export const NONCE_HEADER = "x-nonce";

export type CspInput = {
  nonce: string;
  linkedInUrls: string[];
  development: boolean;
  /** Embedded mode (issue 12): origins that may frame this page; none by default. */
  frameAncestors?: string[];
};

/** Distinct origins of the given URLs ("https://platform.linkedin.com"), ignoring unparsable ones. */
export function originsOf(urls: string[]): string[] {
  const origins = new Set<string>();
  for (const u of urls) {
    try {
      origins.add(new URL(u).origin);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // a malformed URL adds no host: fail closed
    }
  }
  return [...origins];
}

export function contentSecurityPolicy({ nonce, linkedInUrls, development, frameAncestors = [] }: CspInput): string {
  const linkedIn = originsOf(linkedInUrls).join(" ");
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${nonce}' ${linkedIn}${development ? " 'unsafe-eval'" : ""}`],
    // Dev styles are injected inline by Next; a nonce would make browsers ignore 'unsafe-inline'.
    ["style-src", development ? `'self' 'unsafe-inline' ${linkedIn}` : `'self' 'nonce-${nonce}' ${linkedIn}`],
    // style="" attributes (React style props, the plugin's CSSOM sizing) carry no script; <style> and
    // stylesheet elements still need the nonce or an allowed host.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", `'self' data: blob: ${linkedIn}`],
    ["font-src", `'self' data: ${linkedIn}`],
    ["connect-src", `'self' ${linkedIn}${development ? " ws: wss:" : ""}`],
    ["frame-src", linkedIn || "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", frameAncestors.length > 0 ? `'self' ${originsOf(frameAncestors).join(" ")}` : "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value.trim()}`).join("; ");
}

/** 128 random bits, base64: a fresh nonce per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
