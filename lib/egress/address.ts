// Is an IP address on the public internet? (issue 20, point 1). Classified with ipaddr.js's table of special
// ranges (IANA's special-purpose registries), never with patterns over the text: only what it calls "unicast"
// is public. An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, SIIT ::ffff:0:a.b.c.d, NAT64
// 64:ff9b::a.b.c.d) is judged by the IPv4 address it reaches. Pure: the URL checks and the connection use it.
import ipaddr from "ipaddr.js";

export type AddressVerdict = { public: true } | { public: false; range: string; description: string };

const DESCRIPTIONS: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  linkLocal: "a link-local address (cloud metadata services such as 169.254.169.254 live there)",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10, a provider's private network)",
  uniqueLocal: "a unique-local IPv6 address (a private network)",
  multicast: "a multicast address",
  unspecified: "the unspecified address (it means this machine)",
  broadcast: "the broadcast address",
  "6to4": "a 6to4 tunnel address",
  teredo: "a Teredo tunnel address",
  ipv4Compatible: "a deprecated IPv4-compatible IPv6 address",
  deprecatedSiteLocal: "a deprecated site-local IPv6 address (a private network)",
};

/** Well-known NAT64 prefix: the last 32 bits are the IPv4 address reached (RFC 6052). */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
/** ::a.b.c.d, deprecated (RFC 4291); ::1 and :: are classified before this is looked at. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR("::/96");

function refused(range: string): AddressVerdict {
  return { public: false, range, description: DESCRIPTIONS[range] ?? "a reserved address, not on the public internet" };
}

function lastIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const [hi = 0, lo = 0] = v6.parts.slice(6);
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

function classifyIPv4(v4: ipaddr.IPv4): AddressVerdict {
  const range = v4.range();
  return range === "unicast" ? { public: true } : refused(range);
}

function classifyIPv6(v6: ipaddr.IPv6): AddressVerdict {
  const range = v6.range();
  if (range === "ipv4Mapped" || range === "rfc6145") return classifyIPv4(lastIPv4(v6));
  if (range === "rfc6052") return v6.match(NAT64_WELL_KNOWN) ? classifyIPv4(lastIPv4(v6)) : refused(range);
  if (range !== "unicast") return refused(range);
  if (v6.match(IPV4_COMPATIBLE)) return refused("ipv4Compatible");
  return { public: true };
}

/**
 * The verdict on one address as written by DNS or by a URL's host (brackets around IPv6 allowed). ipaddr.js
 * also reads the legacy IPv4 spellings (127.1, 2130706433, 0x7f.1, 0177.0.0.1) as the address they reach.
 * Text that is no address at all is refused, never passed.
 */
export function classifyAddress(text: string): AddressVerdict {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return { public: false, range: "invalid", description: "not an IP address" };
  const parsed = ipaddr.parse(bare);
  return parsed instanceof ipaddr.IPv4 ? classifyIPv4(parsed) : classifyIPv6(parsed);
}

/** Whether a URL host (as WHATWG URL writes it) is an IP literal rather than a name to look up. */
export function isIpLiteral(host: string): boolean {
  if (host.startsWith("[")) return true;
  return ipaddr.IPv4.isValidFourPartDecimal(host);
}
