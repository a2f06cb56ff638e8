// The token or key in a public link's path (/invite/…, /admin-link/…, /unsubscribe/…), percent-decoded. A malformed
// escape ("/invite/%") is a link that is not valid, answered as such, never a 500 (issue 11 item 7): Next's router
// itself fails on such a path before any page runs, so the proxy sends it to LINK_NOT_VALID_PATH first.

import { unlessThrown } from "@/lib/errors/unless-thrown";

/** The page that says a link is not valid (app/link-not-valid). */
export const LINK_NOT_VALID_PATH = "/link-not-valid";

/** The decoded segment, or null when its percent-escapes are malformed. */
export function decodePathSegment(raw: string): string | null {
  return unlessThrown(() => decodeURIComponent(raw), URIError, null);
}

/** Whether every segment of `pathname` decodes (Next answers 500 for one that does not). */
export function pathDecodes(pathname: string): boolean {
  return pathname.split("/").every((segment) => decodePathSegment(segment) !== null);
}
