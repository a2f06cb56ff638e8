// The node:http server in front of Next.js (scripts/serve.ts, issue 20 point 2): every request gets the client's
// address in CLIENT_ADDRESS_HEADER before `handle` (Next's request handler) sees it. Pure of Next so the tests
// serve it over real HTTP with a stand-in handler (lib/http/client-address.test.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { stampClientAddress, type TrustedProxy } from "./client-address";
import { withFirstByte } from "./first-byte";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createOnrampServer(proxies: readonly TrustedProxy[], handle: RequestHandler): Server {
  return createServer((req, res) => {
    stampClientAddress(req, proxies);
    withFirstByte(res, () => handle(req, res)).catch((e: unknown) => {
      console.error("[serve] request failed:", e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}
