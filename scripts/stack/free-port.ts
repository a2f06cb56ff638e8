import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { z } from "zod";

type Held = { port: number; release(): Promise<void> };

/** Holds a port the OS picks on loopback until released. */
function holdPort(): Promise<Held> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ port, release: () => new Promise((done) => srv.close(() => done())) });
    });
  });
}

/** A port free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const held = await holdPort();
  await held.release();
  return held.port;
}

/**
 * `count` ports free on loopback right now, all different: each is held until all are picked, since a port
 * released at once may be the OS's next pick (two settings given the same port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const held: Held[] = [];
  try {
    for (let i = 0; i < count; i += 1) held.push(await holdPort());
    return held.map((h) => h.port);
  } finally {
    await Promise.all(held.map((h) => h.release()));
  }
}

/** Waits until `url` answers (any HTTP status), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

const healthyAnswer = z.object({ status: z.literal("ok") });

/** True when `url` answers 200 with Onramp's healthy JSON; false when nothing listens or something else answers. */
async function answersHealthy(url: string): Promise<boolean> {
  let status: number;
  let body: string;
  try {
    const res = await fetch(url, { redirect: "manual" });
    status = res.status;
    body = await res.text();
  } catch {
    return false; // not listening yet (connection refused) or cut off: the next round asks again
  }
  return status === 200 && healthyAnswer.safeParse(parseJsonOrNull(body)).success;
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON: not Onramp's health answer
  }
}

/**
 * Waits until the Onramp that `child` runs answers GET /api/health with status "ok" (database reachable,
 * migrations applied), and says whether it did (false: `child` ended first). The answer counts only while
 * `child` still runs, and the launcher saw the port free before starting it: another program on the port, or a
 * `next` that failed to listen, is not taken for Onramp.
 */
export async function waitForOnramp(baseUrl: string, child: ChildProcess): Promise<boolean> {
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  while (!ended()) {
    const healthy = await answersHealthy(`${baseUrl}/api/health`);
    if (healthy && !ended()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
