// The words of a LinkedIn refusal (C26, C27): which kind of error an HTTP status is and what a person should do. Pure.
import type { LinkedInErrorKind } from "./errors";

export function whose(subject: "customer" | "vendor" | undefined): string {
  return subject === "vendor" ? "the vendor's LinkedIn developer application" : "this customer's application";
}

export function errorKindForStatus(status: number): LinkedInErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "bad_request";
}

export function messageForStatus(
  kind: LinkedInErrorKind,
  status: number,
  endpoint: string,
  detail: string,
  who: string,
): string {
  const said = detail ? ` LinkedIn said: "${detail}".` : "";
  switch (kind) {
    case "unauthorized":
      return status === 403
        ? `LinkedIn refused ${endpoint} for ${who} (HTTP 403): the application is not permitted to use it.${said} Ask LinkedIn Partner Engineering to grant the permission.`
        : `LinkedIn refused the credentials of ${who} (HTTP 401) on ${endpoint}.${said} Check the API key and secret and re-enter them in Onramp.`;
    case "not_found":
      return `LinkedIn does not know what ${endpoint} asked for (HTTP 404).${said}`;
    case "conflict":
      return `LinkedIn refused ${endpoint} because it conflicts with what LinkedIn already has (HTTP 409).${said}`;
    default:
      return `LinkedIn refused ${endpoint} as invalid (HTTP ${status}).${said} This needs a fix in Onramp's data or code; retrying alone will not help.`;
  }
}
