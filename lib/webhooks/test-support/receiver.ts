// A local webhook receiver for tests and the bench (issue 12): verifies each delivery with the
// standardwebhooks library's own verifier and records it; answers the statuses it is told to, in order, or
// holds a request open without answering (a delivery in flight when its sender dies).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  webhookId: string;
  verified: boolean;
  /** The status answered; null for a request held open and never answered (holdFor). */
  status: number | null;
  body: { id: string; type: string; customerId: string | null; data: Record<string, unknown> } | null;
  at: number;
};

export interface Receiver {
  url: string;
  received: Received[];
  /** Sets the signing secret the receiver verifies with (known once the endpoint is created). */
  useSecret(secret: string): void;
  /** The next answers to events of this customer, in order; 200 once they run out. */
  answerFor(customerId: string, ...statuses: number[]): void;
  /** The next event of this customer is held open, never answered (until close). */
  holdFor(customerId: string): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let secret: string | null = null;
  const answers = new Map<string, number[]>();
  const holds = new Set<string>();
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
      let verified = false;
      try {
        if (secret) new Webhook(secret).verify(text, headers);
        verified = secret !== null;
      } catch {
        verified = false;
      }
      const body = verified ? (JSON.parse(text) as Received["body"]) : null;
      const customerId = body?.customerId ?? "";
      if (holds.delete(customerId)) {
        received.push({ webhookId: headers["webhook-id"] ?? "", verified, status: null, body, at: Date.now() });
        return;
      }
      const status = verified ? (answers.get(customerId)?.shift() ?? 200) : 401;
      received.push({ webhookId: headers["webhook-id"] ?? "", verified, status, body, at: Date.now() });
      res
        .writeHead(status, { "content-type": "text/plain" })
        .end(status < 300 ? "ok" : `failing on purpose ${"x".repeat(2000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    useSecret: (s) => {
      secret = s;
    },
    answerFor: (customerId, ...s) => void answers.set(customerId, [...(answers.get(customerId) ?? []), ...s]),
    holdFor: (customerId) => void holds.add(customerId),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
