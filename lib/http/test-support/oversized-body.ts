// Sends a body larger than a route accepts, as a hostile client would (tests and attack/probes/hostile-input.ts):
// declared in Content-Length, or chunked with no length, 16 KiB at a time, and stops sending as soon as an answer
// arrives. `sentAll` says whether the whole body went out before the answer, i.e. whether the server read it all.
import { request } from "node:http";

export type OversizedOutcome = {
  /** The answer's status; null when the connection ended with no answer. */
  status: number | null;
  body: string;
  /** The whole body was sent before any answer came: the server read it all. */
  sentAll: boolean;
  bytesSent: number;
  error: string | null;
};

const CHUNK = Buffer.alloc(16 * 1024, 0x20);

export function sendOversized(
  url: string,
  opts: { bytes: number; chunked: boolean; headers?: Record<string, string>; method?: string },
): Promise<OversizedOutcome> {
  return new Promise((resolve) => {
    let bytesSent = 0;
    let sentAll = false;
    let answered = false;
    const req = request(url, {
      method: opts.method ?? "POST",
      headers: {
        "content-type": "application/json",
        ...opts.headers,
        ...(opts.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(opts.bytes) }),
      },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      const done = () => {
        req.destroy();
        resolve({ status: res.statusCode ?? null, body, sentAll, bytesSent, error: null });
      };
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", (e) => {
      if (!answered) resolve({ status: null, body: "", sentAll, bytesSent, error: e.message });
    });
    const pump = (): void => {
      while (!answered && bytesSent < opts.bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, opts.bytes - bytesSent));
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && !sentAll) {
        sentAll = true;
        req.end();
      }
    };
    pump();
  });
}
