import "server-only";
// The one way out for user-set URLs (issue 20, point 1): webhook deliveries and test events today, anything
// later. It vets the URL (vet.ts), then connects to an address it vetted and no other: node:http(s) with a
// `lookup` that answers the vetted addresses, the Host header and TLS server name (SNI) still the URL's host.
// It follows no redirect (a 3xx is an answer, recorded with its Location), gives the whole exchange one deadline
// (look-up, connection, answer and body) and reads at most `maxBytes` of the body before hanging up.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { outboundPolicy } from "./policy";
import { type ResolvedAddress, systemResolver } from "./resolve";
import type { Refusal } from "./target";
import { type EgressDeps, type VettedTarget, vetUrl } from "./vet";

export type OutboundRequest = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange, from the look-up to the last byte read. */
  timeoutMs: number;
  /** Bytes of the answer's body read at most; the connection is closed after them. */
  maxBytes: number;
};

export type OutboundAnswer = {
  kind: "answered";
  status: number;
  headers: { contentType: string | null; location: string | null };
  /** The first `maxBytes` of the body as text. */
  snippet: string;
  /** More was sent (or would have been) than was read. */
  truncated: boolean;
  latencyMs: number;
};
export type OutboundResult =
  | OutboundAnswer
  | ({ kind: "refused"; latencyMs: number } & Refusal)
  | { kind: "failed"; reason: string; timedOut: boolean; latencyMs: number };

/** Response headers past this size end the exchange (Node's own default, said here). */
const MAX_HEADER_BYTES = 16 * 1024;

export function defaultEgressDeps(): EgressDeps {
  return { policy: outboundPolicy(), resolve: systemResolver };
}

/** The connection's look-up: the vetted addresses, whatever the name resolves to by now. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const [first] = addresses;
    if (options.all)
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error("No vetted address."), { code: "ENOTFOUND" }), "");
  };
}

type Exchanged = Omit<OutboundAnswer, "latencyMs"> | { kind: "failed"; reason: string; timedOut: boolean };

function exchange(target: VettedTarget, req: OutboundRequest, signal: AbortSignal): Promise<Exchanged> {
  return new Promise((resolve) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body, "utf8");
    let answered = false;
    const client = target.url.protocol === "https:" ? https : http;
    const request = client.request(
      {
        hostname: target.host,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        method: req.method,
        headers: {
          ...req.headers,
          host: target.url.host,
          ...(body ? { "content-length": String(body.byteLength) } : {}),
        },
        agent: false, // a fresh connection each time: none pooled from an earlier vetting
        lookup: pinnedLookup(target.addresses),
        servername: target.literal ? undefined : target.host,
        maxHeaderSize: MAX_HEADER_BYTES,
        signal,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = (truncated: boolean) => {
          if (done) return;
          done = true;
          const location = res.headers.location;
          resolve({
            kind: "answered",
            status: res.statusCode ?? 0,
            headers: { contentType: res.headers["content-type"] ?? null, location: location ?? null },
            snippet: Buffer.concat(chunks).subarray(0, req.maxBytes).toString("utf8"),
            truncated,
          });
          request.destroy(); // nothing more is read: a large or endless answer costs nothing
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.byteLength;
          if (size >= req.maxBytes) finish(size > req.maxBytes || !res.complete);
        });
        res.on("end", () => finish(false));
        // The deadline (or the peer) cut the body short: the status came, the body is what was read.
        res.on("close", () => finish(!res.complete));
      },
    );
    request.on("error", (e) => {
      if (answered) return; // the answer's own close ends it (above)
      const timedOut = signal.aborted;
      resolve({
        kind: "failed",
        reason: timedOut ? `No answer within ${req.timeoutMs / 1000} s.` : `Could not connect: ${e.message}`,
        timedOut,
      });
    });
    request.end(body);
  });
}

/** Sends one request to a user-set URL, or says why it was not sent. Never throws for the URL's sake. */
export async function requestUserUrl(
  req: OutboundRequest,
  deps: EgressDeps = defaultEgressDeps(),
): Promise<OutboundResult> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
  try {
    const vetting = await vetUrl(req.url, deps, deadline.signal);
    if ("refused" in vetting) return { kind: "refused", ...vetting.refused, latencyMs: latencyMs() };
    if ("unresolved" in vetting)
      return { kind: "failed", reason: vetting.unresolved, timedOut: deadline.signal.aborted, latencyMs: latencyMs() };
    return { ...(await exchange(vetting.target, req, deadline.signal)), latencyMs: latencyMs() };
  } finally {
    clearTimeout(timer);
  }
}
