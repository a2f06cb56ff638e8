// Sends a body larger than a route accepts, as a hostile client would (tests and attack/probes/hostile-input.ts):
// declared in Content-Length, or chunked with no length, 16 KiB at a time, and stops sending as soon as an answer
// arrives. `sentAll` says whether the whole body went out before the answer, i.e. whether the server needed it all.
// The sender holds at HOLD_AT_BYTES (past every route's bound) until an answer comes, for HOLD_MS at most: a server
// that answers once the bound is passed answers during the hold, so the outcome does not depend on how fast this
// process pushes bytes against how fast the answer is read (Node discards a refused body's rest once it answered,
// and an unheld sender on a loaded machine could get all 32 MB out before it saw the 413).
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
/** Past every bound a route has (64 KiB by default, 2 MB for key imports), below the 32 MB the tests send. */
export const HOLD_AT_BYTES = 4 * 1024 * 1024;
const HOLD_MS = 10_000;

export function sendOversized(
  url: string,
  opts: { bytes: number; chunked: boolean; headers?: Record<string, string>; method?: string },
): Promise<OversizedOutcome> {
  return new Promise((resolve) => {
    let bytesSent = 0;
    let sentAll = false;
    let answered = false;
    let holdUntil = Math.min(HOLD_AT_BYTES, opts.bytes);
    let hold: NodeJS.Timeout | undefined;
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
      clearTimeout(hold);
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
      clearTimeout(hold);
      if (!answered) resolve({ status: null, body: "", sentAll, bytesSent, error: e.message });
    });
    const pump = (): void => {
      while (!answered && bytesSent < holdUntil) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, holdUntil - bytesSent));
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (answered) return;
      if (bytesSent < opts.bytes) {
        // Held: the rest goes only if no answer comes meanwhile.
        hold ??= setTimeout(() => {
          holdUntil = opts.bytes;
          pump();
        }, HOLD_MS);
        return;
      }
      if (!sentAll) {
        sentAll = true;
        req.end();
      }
    };
    pump();
  });
}
