import { request } from "node:http";
// One POST whose answer's status is all the chaos run needs; 0 when no answer came (refused, timed out).
export async function postStatus(url: string, headers: Record<string, string>, body?: string): Promise<number> {
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * One POST on a connection of its own (`Connection: close`), answered with its status and body. For the sandbox's
 * admin API, which the driver hosts in its own process: a pooled keep-alive socket could be closed by the server's
 * idle timer while the driver's loop was stalled (PostgreSQL stopping, load 8 on 2 cores) and then reused, failing a
 * push with ECONNRESET that the sandbox never received; a fresh connection has no such race, and nothing is sent twice.
 */
export function postOnce(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
