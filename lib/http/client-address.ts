// The client's address, decided once per request by Onramp's own HTTP server (scripts/serve.ts, issue 20 point 2)
// and handed to the app in CLIENT_ADDRESS_HEADER, which the server always overwrites. Next.js alone can not be
// trusted with it: `next start` fills x-forwarded-for only when the client sent none, so a client names its own
// address, and App Router handlers never see the socket. Pure (no "server-only"): the server imports it before
// Next loads, the app reads what it wrote through lib/http/request-source.ts.
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

/** Written by the server on every request, over whatever the client sent under this name. */
export const CLIENT_ADDRESS_HEADER = "x-onramp-client-address";

/** A proxy in front of Onramp, as a network: [address, prefix length]. */
export type TrustedProxy = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `203.0.113.7:4711` and `[2001:db8::1]:443` (some balancers append the port) without the port. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^([\d.]+):\d+$/.exec(entry);
  return v4WithPort?.[1] ?? entry;
}

function parseAddress(raw: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const text = withoutPort((raw ?? "").trim());
  if (!ipaddr.isValid(text)) return null;
  // process() turns an IPv4-mapped IPv6 address (a dual-stack socket's ::ffff:127.0.0.1) into plain IPv4.
  return ipaddr.process(text);
}

/** The canonical text of an address (IPv4 dotted quad, IPv6 RFC 5952), or null when it is not one. */
export function canonicalAddress(raw: string | undefined): string | null {
  const address = parseAddress(raw);
  if (!address) return null;
  return address.toString(); // IPv6: RFC 5952
}

/**
 * What one client holds at the least, for per-source limits: an IPv4 address alone; an IPv6 address's /64, the
 * usual allocation to one site (a limit per IPv6 address would let one host walk through 2^64 of them).
 */
export function addressBlock(address: string): string {
  const parsed = parseAddress(address);
  if (!(parsed instanceof ipaddr.IPv6)) return address;
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}

/**
 * One TRUSTED_PROXIES entry (a CIDR such as 10.0.0.0/8, or a single address), or null when it is neither. An
 * IPv4-mapped IPv6 network is taken as the IPv4 network it spells, as addresses are (process()).
 */
export function parseTrustedProxy(entry: string): TrustedProxy | null {
  if (ipaddr.isValidCIDR(entry)) {
    const [network, bits] = ipaddr.parseCIDR(entry);
    if (network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96)
      return [network.toIPv4Address(), bits - 96];
    return [network, bits];
  }
  const single = parseAddress(entry);
  if (!single) return null;
  return [single, single.kind() === "ipv4" ? 32 : 128];
}

/** Every TRUSTED_PROXIES entry (lib/env.ts has already refused a malformed one). */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxy[] {
  return entries.map((entry) => {
    const proxy = parseTrustedProxy(entry);
    if (!proxy) throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an IP address nor a CIDR such as 10.0.0.0/8`);
    return proxy;
  });
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, proxies: readonly TrustedProxy[]): boolean {
  return proxies.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * The client of a request that reached us from `peer` (the socket's remote address) carrying `forwardedFor`
 * (x-forwarded-for). The peer is the client unless it is a trusted proxy; then x-forwarded-for is walked from the
 * right, each trusted proxy having appended its own peer, and the first address that is not a trusted proxy is the
 * client. Entries left of it were written by the client and are never believed. An entry that is not an address
 * stops the walk at the last hop a trusted proxy vouched for. Answers "unknown" only when the socket has no address.
 */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxies: readonly TrustedProxy[],
): string {
  let client = parseAddress(peer);
  if (!client) return "unknown";
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  while (trusted(client, proxies)) {
    const next = parseAddress(hops.pop());
    if (!next) break;
    client = next;
  }
  return canonicalAddress(client.toString()) ?? "unknown";
}

/** What the server does to every request before Next sees it: the client's address, over any the client sent. */
export function stampClientAddress(req: IncomingMessage, proxies: readonly TrustedProxy[]): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    proxies,
  );
}

// The server sets this before Next loads, in the same process (lib/runtime/process-globals.d.ts); the app reads
// CLIENT_ADDRESS_HEADER only when it is set (under `next start` alone the header would be the client's to write).
export function markServedByOnrampServer(): void {
  globalThis.onrampClientAddressServer = true;
}

export function servedByOnrampServer(): boolean {
  return globalThis.onrampClientAddressServer === true;
}
