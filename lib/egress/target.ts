// What a user-set URL says before any name is looked up (issue 20, point 1): http(s) only, https unless the
// development setting is on, and no host that is private by its very spelling (an IP literal in a private range,
// in any numeric form: WHATWG URL turns 127.1, 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1, and
// [::ffff:127.0.0.1] into [::ffff:7f00:1]; or localhost and *.localhost, RFC 6761). Pure: the webhook URL
// schema (lib/webhooks/schemas.ts) and the egress (vet.ts) both use it.
import { type AddressVerdict, classifyAddress, isIpLiteral } from "./address";
import type { OutboundPolicy } from "./policy";

/** Why a URL is not sent to; `permanent` when the URL as written can never pass (not a DNS answer's fault). */
export type Refusal = { reason: string; permanent: boolean };

/** A URL that passed these checks: its host without brackets or trailing dot, and whether it is an IP. */
export type UrlTarget = { url: URL; host: string; literal: boolean };

const LOOPBACK_NAME: AddressVerdict = {
  public: false,
  range: "loopback",
  description: "a loopback address (this machine)",
};

/** The person-readable refusal of a private target; `subject` says what is private ("10.0.0.5 is …"). */
export function privateNetworkReason(subject: string): string {
  return `This address points to a private network: ${subject}. Onramp sends only to public internet addresses; use the receiver's public https URL.`;
}

function verdictOfHost(host: string, literal: boolean): AddressVerdict {
  if (literal) return classifyAddress(host);
  return host === "localhost" || host.endsWith(".localhost") ? LOOPBACK_NAME : { public: true };
}

export function checkUrlText(raw: string, policy: OutboundPolicy): { target: UrlTarget } | { refused: Refusal } {
  const refuse = (reason: string) => ({ refused: { reason, permanent: true } });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("Enter a full URL, e.g. https://ats.example.com/hooks/onramp");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("Use an https:// address.");
  if (url.protocol === "http:" && !policy.allowPrivateNetwork)
    return refuse(
      "Use https: plain http is accepted only while the development setting OUTBOUND_ALLOW_PRIVATE_NETWORK is on.",
    );
  const literal = isIpLiteral(url.hostname);
  const host = literal ? url.hostname.replace(/^\[|\]$/g, "") : url.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "") return refuse("Enter a URL with a host name, e.g. https://ats.example.com/hooks/onramp");
  const verdict = verdictOfHost(host, literal);
  if (!verdict.public && !policy.allowPrivateNetwork)
    return refuse(privateNetworkReason(`${url.hostname} is ${verdict.description}`));
  return { target: { url, host, literal } };
}
