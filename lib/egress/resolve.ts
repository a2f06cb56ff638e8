import "server-only";
// Looking a host name up for the egress (issue 20, point 1): every address the system resolver answers
// (dns.lookup, as a connection would, hosts file included), so that each one is vetted. Injectable: tests
// pass resolvers that answer what an attacker's DNS would (a private address, or public then private).
import { lookup } from "node:dns/promises";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));
