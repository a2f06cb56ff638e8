// Serves route handlers (app/**/route.ts exports) over real HTTP for tests, handing each handler a NextRequest
// whose body streams from the node request as it arrives (as Next's fromNodeNextRequest does); the answer's
// headers go out as Next sends them. e2e/hostile-input.spec.ts checks the same against `next start`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
/** A path pattern (named groups are the route's params) and the handler of each method. */
export type ServedRoute = [RegExp, Partial<Record<string, unknown>>];

export type RouteServer = { url: string; close(): Promise<void> };

/** The node request as Next hands it to a route: a NextRequest whose body streams as it arrives. */
export function toNextRequest(req: IncomingMessage, base: string): NextRequest {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new NextRequest(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

async function send(res: ServerResponse, answer: Response): Promise<void> {
  for (const [k, v] of answer.headers.entries()) if (k !== "content-length") res.setHeader(k, v);
  res.statusCode = answer.status;
  res.end(Buffer.from(await answer.arrayBuffer()));
}

export async function serveRoutes(routes: readonly ServedRoute[]): Promise<RouteServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    for (const [pattern, mod] of routes) {
      const match = pattern.exec(path);
      const handler = match ? mod[req.method ?? "GET"] : undefined;
      if (!match || typeof handler !== "function") continue;
      const params = Promise.resolve({ ...(match.groups ?? {}) });
      const answer: Promise<Response> = (handler as RouteHandler)(toNextRequest(req, "http://127.0.0.1"), {
        params: params as Promise<Record<string, never>>,
      });
      answer.then(
        (a) => send(res, a),
        (err: unknown) => res.writeHead(599).end(String(err)),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
