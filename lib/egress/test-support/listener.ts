// A local HTTP listener for the egress tests and the attack probe (issue 20, point 1): counts every TCP
// connection made to it (a TLS hello counts too, so https:// URLs pointed at it are seen) and every request,
// and answers as the test says (by default 200 "inside", the answer an attacker would want to read back).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Listener = {
  port: number;
  /** Connections accepted so far, whatever came over them. */
  connections: () => number;
  requests: { method: string; path: string; host: string }[];
  /** Connections that have closed so far. */
  closed: () => number;
  close(): Promise<void>;
};

export type Respond = (req: IncomingMessage, res: ServerResponse) => void;

const inside: Respond = (_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" }).end("inside: a private service's answer");
};

export async function startListener(opts: { host?: string; respond?: Respond } = {}): Promise<Listener> {
  let connections = 0;
  let closed = 0;
  const requests: Listener["requests"] = [];
  const respond = opts.respond ?? inside;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", host: req.headers.host ?? "" });
    respond(req, res);
  });
  server.on("connection", (socket) => {
    connections += 1;
    socket.on("close", () => {
      closed += 1;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, opts.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => connections,
    closed: () => closed,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
