// Serves receiveNotification over real HTTP for tests that need LinkedIn's side (the sandbox) to push:
// node:http → a web Request with the body streamed as it arrives → the same function the route calls.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNextRequest } from "@/lib/http/test-support/route-server";
import { receiveNotification, type Defer } from "../receive";

export interface CallbackServer {
  url: string;
  /** The callback URL of one customer on this server. */
  urlFor(callbackKey: string): string;
  /** Work deferred after answers (processing enqueues), awaited by tests that care. */
  deferred: Promise<void>[];
  close(): Promise<void>;
}

export async function startCallbackServer(opts: { defer?: Defer } = {}): Promise<CallbackServer> {
  const deferred: Promise<void>[] = [];
  const defer: Defer = opts.defer ?? ((work) => void deferred.push(work()));
  const server = createServer((req, res) => {
    const match = /^\/api\/linkedin\/callback\/([^/?]+)/.exec(req.url ?? "");
    if (!match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    const key = decodeURIComponent(match[1]);
    receiveNotification(toNextRequest(req, "http://127.0.0.1"), key, defer).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (err: unknown) => {
        res.writeHead(599).end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    urlFor: (key) => `${url}/api/linkedin/callback/${encodeURIComponent(key)}`,
    deferred,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
