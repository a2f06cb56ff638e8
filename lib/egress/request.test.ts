// Issue 20, point 1: the egress over real sockets to local listeners. It connects only to the address it vetted
// (a resolver that changes its answer, DNS rebinding, reaches nothing), refuses a name with any private address,
// follows no redirect, and bounds the bytes it reads and the time it takes. Resolvers and policies are injected.
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "@/test/eventually";
import type { OutboundPolicy } from "./policy";
import { requestUserUrl, type OutboundRequest } from "./request";
import type { ResolvedAddress } from "./resolve";
import { type Listener, type Respond, startListener } from "./test-support/listener";

const PRODUCTION: OutboundPolicy = { allowPrivateNetwork: false };
const DEVELOPMENT: OutboundPolicy = { allowPrivateNetwork: true };
/** Hang backstop of the tests that would never end without their defence. */
const BACKSTOP = { timeout: 60_000 };

const listeners: Listener[] = [];
async function listener(respond?: Respond): Promise<Listener> {
  const l = await startListener({ respond });
  listeners.push(l);
  return l;
}
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

/** A resolver that answers `answers` in turn (the last one again once they run out) and counts its calls. */
function scriptedResolver(...answers: ResolvedAddress[][]) {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    return answers[Math.min(calls.length, answers.length) - 1] ?? [];
  };
  return { calls, resolve };
}
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });

const post = (url: string, more: Partial<OutboundRequest> = {}): OutboundRequest => ({
  url,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: "{}",
  timeoutMs: 10_000,
  maxBytes: 500,
  ...more,
});

describe("the connection goes to the vetted address", () => {
  it("resolves once, connects to what it vetted, and keeps the URL's host in the Host header", async () => {
    const l = await listener();
    const dns = scriptedResolver([v4("127.0.0.1")]);
    const result = await requestUserUrl(post(`http://receiver.test:${l.port}/hooks?x=1`), {
      policy: DEVELOPMENT,
      resolve: dns.resolve,
    });
    expect(result).toMatchObject({ kind: "answered", status: 200, snippet: "inside: a private service's answer" });
    expect(l.requests).toEqual([{ method: "POST", path: "/hooks?x=1", host: `receiver.test:${l.port}` }]);
    expect(dns.calls).toEqual(["receiver.test"]);
  });

  it("DNS rebinding: a name that answers a public address, then a private one, never reaches the private one", async () => {
    const inside = await listener();
    // First answer public (vetted), every later answer this machine: a second look-up would connect inside.
    const dns = scriptedResolver([v4("93.184.216.34")], [v4("127.0.0.1")]);
    const result = await requestUserUrl(post(`https://rebinding.test:${inside.port}/hooks`, { timeoutMs: 2_000 }), {
      policy: PRODUCTION,
      resolve: dns.resolve,
    });
    expect(result.kind).toBe("failed"); // the public address does not answer here; what matters is where it went
    expect(dns.calls).toEqual(["rebinding.test"]);
    expect(inside.connections()).toBe(0);
  });

  it("refuses a name if any address it resolves to is private, and connects nowhere", async () => {
    const inside = await listener();
    const dns = scriptedResolver([v4("8.8.8.8"), v4("127.0.0.1")]);
    const result = await requestUserUrl(post(`https://mixed.test:${inside.port}/`), {
      policy: PRODUCTION,
      resolve: dns.resolve,
    });
    expect(result).toMatchObject({
      kind: "refused",
      permanent: false, // the DNS answer may change: a failure like any other, retried
      reason: expect.stringContaining("mixed.test resolves to 127.0.0.1, a loopback address"),
    });
    expect(inside.connections()).toBe(0);
  });

  it("the issue's attack: http://localhost:<port>/… is refused before any connection", async () => {
    const inside = await listener();
    for (const url of [
      `http://localhost:${inside.port}/_sandbox/state`,
      `https://localhost:${inside.port}/_sandbox/state`,
      `https://127.1:${inside.port}/`,
      `https://[::ffff:7f00:1]:${inside.port}/`,
      `https://2130706433:${inside.port}/`,
    ]) {
      const dns = scriptedResolver([v4("127.0.0.1")]);
      const result = await requestUserUrl(post(url), { policy: PRODUCTION, resolve: dns.resolve });
      expect(result, url).toMatchObject({ kind: "refused", permanent: true });
      expect(dns.calls, url).toEqual([]);
    }
    expect(inside.connections()).toBe(0);
  });
});

describe("answers", () => {
  it("a redirect is an answer: 302 recorded with its Location, the target never asked", async () => {
    const elsewhere = await listener();
    const redirecting = await listener((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/stolen` }).end();
    });
    const result = await requestUserUrl(post(`http://127.0.0.1:${redirecting.port}/hooks`), {
      policy: DEVELOPMENT,
      resolve: scriptedResolver().resolve,
    });
    expect(result).toMatchObject({
      kind: "answered",
      status: 302,
      headers: { location: `http://127.0.0.1:${elsewhere.port}/stolen` },
    });
    expect(elsewhere.connections()).toBe(0);
  });

  it("reads at most maxBytes of an endless answer, then hangs up", BACKSTOP, async () => {
    const endless = await listener((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(16 * 1024);
      const more = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", more);
      more();
    });
    // No deadline to speak of: only the byte bound can end this exchange.
    const result = await requestUserUrl(post(`http://127.0.0.1:${endless.port}/`, { timeoutMs: 3_600_000 }), {
      policy: DEVELOPMENT,
      resolve: scriptedResolver().resolve,
    });
    expect(result).toMatchObject({ kind: "answered", status: 200, truncated: true });
    expect(result.kind === "answered" && Buffer.byteLength(result.snippet)).toBe(500);
    await eventually("the endless answer's connection closed", () => endless.closed() === 1);
  });

  it("bounds the whole exchange in time: no answer at all, or an answer whose body never ends", BACKSTOP, async () => {
    const silent = await listener(() => {});
    const stalled = await listener((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
    });
    const deps = { policy: DEVELOPMENT, resolve: scriptedResolver().resolve };
    const none = await requestUserUrl(post(`http://127.0.0.1:${silent.port}/`, { timeoutMs: 300 }), deps);
    expect(none).toMatchObject({ kind: "failed", timedOut: true, reason: "No answer within 0.3 s." });
    const cut = await requestUserUrl(post(`http://127.0.0.1:${stalled.port}/`, { timeoutMs: 300 }), deps);
    expect(cut).toMatchObject({ kind: "answered", status: 200, snippet: "partial", truncated: true });
  });

  it("a host that does not resolve is a failure, not a refusal", async () => {
    const result = await requestUserUrl(post("https://nowhere.test/"), {
      policy: PRODUCTION,
      resolve: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" });
      },
    });
    expect(result).toMatchObject({
      kind: "failed",
      timedOut: false,
      reason: "The host nowhere.test could not be found (ENOTFOUND).",
    });
  });
});
