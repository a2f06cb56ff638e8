// Issue 20 point 2: the client's address is the socket's unless the peer is a trusted proxy; a client's own
// x-forwarded-for (or x-onramp-client-address) never changes it. Through Onramp's server over real HTTP.
import { afterAll, describe, expect, it } from "vitest";
import {
  addressBlock,
  CLIENT_ADDRESS_HEADER,
  canonicalAddress,
  clientAddressOf,
  parseTrustedProxies,
  parseTrustedProxy,
  type TrustedProxy,
} from "./client-address";
import { createOnrampServer } from "./onramp-server";

const servers: { close: () => void }[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

/** Onramp's server with a handler that answers the address the app would read. */
async function serve(trusted: string[]): Promise<string> {
  const server = createOnrampServer(parseTrustedProxies(trusted), async (req, res) => {
    res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}
const addressSeen = async (url: string, headers: Record<string, string>) => (await fetch(url, { headers })).text();

describe("Onramp's server writes the client's address (real HTTP)", () => {
  it("without trusted proxies it is the socket's, whatever the client forwards or claims", async () => {
    const url = await serve([]);
    expect(await addressSeen(url, {})).toBe("127.0.0.1");
    expect(await addressSeen(url, { "X-Forwarded-For": "203.0.113.9" })).toBe("127.0.0.1");
    expect(await addressSeen(url, { "X-Forwarded-For": "203.0.113.9, 198.51.100.1" })).toBe("127.0.0.1");
    expect(await addressSeen(url, { [CLIENT_ADDRESS_HEADER]: "203.0.113.9" })).toBe("127.0.0.1");
  });

  it("behind trusted proxies it is the first x-forwarded-for hop from the right that is not one of them", async () => {
    const url = await serve(["127.0.0.1", "10.0.0.0/8"]);
    expect(await addressSeen(url, { "X-Forwarded-For": "203.0.113.9" })).toBe("203.0.113.9");
    // The client forged 6.6.6.6; the balancer appended 198.51.100.7; an inner proxy 10.1.2.3 appended its peer.
    expect(await addressSeen(url, { "X-Forwarded-For": "6.6.6.6, 198.51.100.7, 10.1.2.3" })).toBe("198.51.100.7");
    expect(await addressSeen(url, { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" })).toBe("127.0.0.1");
  });
});

describe("clientAddressOf", () => {
  const proxies: TrustedProxy[] = parseTrustedProxies(["10.0.0.0/8", "2001:db8:ffff::/48"]);

  it("believes no hop past a peer that is not trusted", () => {
    expect(clientAddressOf("198.51.100.7", "1.1.1.1", proxies)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:198.51.100.7", undefined, [])).toBe("198.51.100.7");
    expect(clientAddressOf(undefined, "1.1.1.1", proxies)).toBe("unknown");
  });

  it("walks trusted hops from the right, stopping at a malformed one, and takes the leftmost when all are trusted", () => {
    expect(clientAddressOf("10.0.0.1", "1.1.1.1, 203.0.113.4, 10.9.9.9", proxies)).toBe("203.0.113.4");
    expect(clientAddressOf("2001:db8:ffff::1", ["1.1.1.1", "2001:DB8::7"], proxies)).toBe("2001:db8::7");
    expect(clientAddressOf("10.0.0.1", "1.1.1.1, not-an-address, 10.0.0.2", proxies)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.1", "10.0.0.3, 10.0.0.2", proxies)).toBe("10.0.0.3");
    expect(clientAddressOf("10.0.0.1", "", proxies)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "203.0.113.4:5123", proxies)).toBe("203.0.113.4");
    expect(clientAddressOf("10.0.0.1", "[2001:db8::9]:443", proxies)).toBe("2001:db8::9");
  });
});

describe("addresses", () => {
  it("parses TRUSTED_PROXIES entries and refuses what is neither an address nor a CIDR", () => {
    expect(parseTrustedProxy("10.0.0.0/8")?.[1]).toBe(8);
    expect(parseTrustedProxy("192.0.2.1")?.[1]).toBe(32);
    expect(parseTrustedProxy("::ffff:10.0.0.0/104")?.[1]).toBe(8);
    expect(parseTrustedProxy("lb.internal")).toBeNull();
    expect(parseTrustedProxy("10.0.0.0/33")).toBeNull();
    expect(() => parseTrustedProxies(["10.0.0.0/8", "nope"])).toThrow(/nope/);
  });

  it("writes addresses canonically and counts an IPv6 client per /64", () => {
    expect(canonicalAddress("2001:0DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(canonicalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalAddress("unknown")).toBeNull();
    expect(addressBlock("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("203.0.113.9")).toBe("203.0.113.9");
  });
});
