// A tiny node:http server standing where LinkedIn stands, for tests: it answers recorded bodies and
// records every request it receives (method, path and query, headers, body, arrival time).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  /** The query as LinkedIn reads it: from the body of a tunnelled GET (L26), else from the URL. */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface RecordedReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export type Responder = (req: ReceivedRequest) => RecordedReply | Promise<RecordedReply>;

export interface RecordedServer {
  url: string;
  requests: ReceivedRequest[];
  /** Requests to paths other than the token endpoint. */
  apiRequests(): ReceivedRequest[];
  tokenRequests(): ReceivedRequest[];
  close(): Promise<void>;
}

export const TOKEN_PATH = "/oauth/v2/accessToken";

/** Replies in order; the last reply repeats. */
export function inOrder(...replies: RecordedReply[]): Responder {
  let i = 0;
  return () => {
    const reply = replies[Math.min(i, replies.length - 1)];
    i += 1;
    if (!reply) throw new Error("inOrder needs at least one reply");
    return reply;
  };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): RecordedReply => ({
  status,
  body: typeof body === "string" ? body : JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});

let tokenSerial = 0;
/** A token endpoint that issues a new token each time. */
export const issueTokens: Responder = () => {
  tokenSerial += 1;
  return json(200, {
    access_token: `recorded-token-${tokenSerial}-${Math.random().toString(36).slice(2)}`,
    expires_in: 5184000,
  });
};

export async function startRecordedServer(handlers: { token?: Responder; api: Responder }): Promise<RecordedServer> {
  const requests: ReceivedRequest[] = [];
  // 100 ids in a query (C13) make URLs longer than Node's default 16 KB header limit.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://recorded.test");
      const body = Buffer.concat(chunks).toString("utf8");
      const received: ReceivedRequest = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        path: url.pathname,
        query: req.headers["x-http-method-override"] === "GET" ? new URLSearchParams(body) : url.searchParams,
        headers: req.headers,
        body,
        at,
      };
      requests.push(received);
      const responder = url.pathname === TOKEN_PATH ? (handlers.token ?? issueTokens) : handlers.api;
      Promise.resolve(responder(received)).then(
        (reply) => {
          res.writeHead(reply.status, reply.headers ?? {});
          res.end(reply.body ?? "");
        },
        (err: unknown) => {
          res.writeHead(599);
          res.end(String(err));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== TOKEN_PATH),
    tokenRequests: () => requests.filter((r) => r.path === TOKEN_PATH),
    // Closing again is a no-op: a test may close its server to make LinkedIn unreachable before the clean-up does.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
      return closing;
    },
  };
}
