// Issue 20, point 1: which addresses the egress refuses, in every spelling, and which it lets through.
import { describe, expect, it } from "vitest";
import { serverEnvSchema } from "@/lib/env";
import { classifyAddress } from "./address";
import { checkUrlText } from "./target";

const PRODUCTION = { allowPrivateNetwork: false };
const DEVELOPMENT = { allowPrivateNetwork: true };

/** [address as DNS or a URL host gives it, the range it is refused as]. */
const NOT_PUBLIC: [string, string][] = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["10.0.0.5", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "linkLocal"],
  ["fe80::1", "linkLocal"],
  ["100.64.0.1", "carrierGradeNat"],
  ["100.127.255.254", "carrierGradeNat"],
  ["fc00::1", "uniqueLocal"],
  ["fd12:3456::1", "uniqueLocal"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["::", "unspecified"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.1", "reserved"],
  ["198.18.0.1", "reserved"],
  ["2001:db8::1", "reserved"],
  // IPv6 forms that carry an IPv4 address are judged by the IPv4 address they reach.
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["[::ffff:7f00:1]", "loopback"],
  ["::ffff:a9fe:a9fe", "linkLocal"],
  ["::ffff:10.0.0.5", "private"],
  ["::ffff:0:7f00:1", "loopback"], // SIIT (RFC 6145)
  ["64:ff9b::7f00:1", "loopback"], // NAT64 (RFC 6052)
  ["64:ff9b::a9fe:a9fe", "linkLocal"],
  ["64:ff9b:1::a00:5", "rfc6052"], // local-use NAT64 prefix: refused whatever it carries
  ["2002:7f00:1::", "6to4"],
  ["2002:808:808::1", "6to4"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
  ["::7f00:1", "ipv4Compatible"],
  ["fec0::1", "deprecatedSiteLocal"],
  // Legacy numeric IPv4 spellings, read as the address they reach.
  ["127.1", "loopback"],
  ["2130706433", "loopback"],
  ["0x7f.1", "loopback"],
  ["0x7f000001", "loopback"],
  ["0177.0.0.1", "loopback"],
  ["017700000001", "loopback"],
  ["not-an-address", "invalid"],
];

const PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"];

describe("classifyAddress (ipaddr.js's ranges)", () => {
  it.each(NOT_PUBLIC)("refuses %s as %s", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ public: false, range });
  });

  it.each(PUBLIC)("lets the public address %s through", (address) => {
    expect(classifyAddress(address)).toEqual({ public: true });
  });
});

/** URLs whose host is private by its spelling: WHATWG URL normalizes most numeric forms, the classifier the rest. */
const PRIVATE_URLS = [
  "https://127.0.0.1/hook",
  "https://127.1/hook",
  "https://2130706433/hook",
  "https://0x7f.1/hook",
  "https://0x7f000001/hook",
  "https://0177.0.0.1/hook",
  "https://%31%32%37.0.0.1/hook",
  "https://127.0.0.1./hook",
  "https://0/hook",
  "https://[::1]/hook",
  "https://[0:0:0:0:0:0:0:1]/hook",
  "https://[::ffff:7f00:1]/hook",
  "https://[::ffff:127.0.0.1]/hook",
  "https://[::ffff:a9fe:a9fe]/latest/meta-data",
  "https://[64:ff9b::7f00:1]/hook",
  "https://[::]/hook",
  "https://169.254.169.254/latest/meta-data",
  "https://10.0.0.5/hook",
  "https://100.64.0.1/hook",
  "https://[fc00::1]/hook",
  "https://[fe80::1]/hook",
  "https://224.0.0.1/hook",
  "https://255.255.255.255/hook",
  "https://localhost/hook",
  "https://LOCALHOST./hook",
  "https://api.localhost/hook",
];

describe("checkUrlText: a URL's own text", () => {
  it.each(PRIVATE_URLS)("refuses %s with the reason, permanently", (url) => {
    const checked = checkUrlText(url, PRODUCTION);
    expect(checked).toMatchObject({ refused: { permanent: true } });
    expect("refused" in checked && checked.refused.reason).toMatch(/^This address points to a private network: /);
  });

  it("names the host and what it is", () => {
    expect(checkUrlText("https://169.254.169.254/", PRODUCTION)).toEqual({
      refused: {
        permanent: true,
        reason:
          "This address points to a private network: 169.254.169.254 is a link-local address (cloud metadata services such as 169.254.169.254 live there). Onramp sends only to public internet addresses; use the receiver's public https URL.",
      },
    });
  });

  it("refuses plain http and other schemes unless the development setting is on", () => {
    expect(checkUrlText("http://ats.example.com/hook", PRODUCTION)).toMatchObject({
      refused: { reason: expect.stringMatching(/^Use https: plain http is accepted only while/) },
    });
    expect(checkUrlText("http://localhost:3001/_sandbox/state", PRODUCTION)).toMatchObject({ refused: {} });
    expect(checkUrlText("file:///etc/passwd", DEVELOPMENT)).toMatchObject({ refused: { permanent: true } });
    expect(checkUrlText("gopher://127.0.0.1:6379/_INFO", DEVELOPMENT)).toMatchObject({ refused: {} });
    expect(checkUrlText("not a url", DEVELOPMENT)).toMatchObject({ refused: {} });
  });

  it("under the development setting, lets plain http and private targets through", () => {
    for (const url of [...PRIVATE_URLS, "http://localhost:3001/_sandbox/state", "http://ats.example.com/hook"])
      expect(checkUrlText(url, DEVELOPMENT)).toHaveProperty("target");
  });

  it("lets https to public addresses and names through, the host kept for SNI", () => {
    expect(checkUrlText("https://8.8.8.8/hook", PRODUCTION)).toMatchObject({
      target: { host: "8.8.8.8", literal: true },
    });
    expect(checkUrlText("https://[2606:4700:4700::1111]/h", PRODUCTION)).toMatchObject({
      target: { host: "2606:4700:4700::1111", literal: true },
    });
    expect(checkUrlText("https://ATS.Example.com./h", PRODUCTION)).toMatchObject({
      target: { host: "ats.example.com", literal: false },
    });
  });
});

describe("OUTBOUND_ALLOW_PRIVATE_NETWORK", () => {
  it("is off unless set, in production and in development alike", () => {
    const base = {
      DATABASE_URL: "postgresql://localhost/onramp",
      ONRAMP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(32),
    };
    for (const NODE_ENV of ["production", "development", "test"])
      expect(serverEnvSchema.parse({ ...base, NODE_ENV }).OUTBOUND_ALLOW_PRIVATE_NETWORK).toBe(false);
    expect(
      serverEnvSchema.parse({ ...base, OUTBOUND_ALLOW_PRIVATE_NETWORK: "true" }).OUTBOUND_ALLOW_PRIVATE_NETWORK,
    ).toBe(true);
  });
});
