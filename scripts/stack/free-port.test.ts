// The launcher prints "Onramp is running" only once Onramp itself answers (issue 26): another program answering on
// the port does not count, nor does an answer after the `next` it started has ended.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "@/test/eventually";
import { waitForOnramp } from "./free-port";

let server: Server | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  server?.close();
  child?.kill("SIGKILL");
});

/** An HTTP server answering every request with `status` and `body`; counts the requests. */
async function answering(status: number, body: string): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("not listening");
  return { url: `http://127.0.0.1:${address.port}`, requests: () => requests };
}

/** A process standing for the `next` the launcher started: runs until killed. */
function runningChild(): ChildProcess {
  child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  return child;
}

describe("waitForOnramp()", () => {
  it("is true once /api/health answers Onramp's healthy status while the child runs", async () => {
    const app = await answering(200, JSON.stringify({ status: "ok", database: "ok", migrations: "ok" }));
    expect(await waitForOnramp(app.url, runningChild())).toBe(true);
  });

  it.each([
    ["another program answering 200", 200, "<html>another program</html>"],
    ["an Onramp that is not ready", 503, JSON.stringify({ status: "unavailable" })],
  ])("does not take %s for Onramp: false once the child ends", async (_, status, body) => {
    const other = await answering(status, body);
    const next = runningChild();
    const waiting = waitForOnramp(other.url, next);
    await eventually("the wait to have asked twice", () => other.requests() >= 2);
    next.kill("SIGTERM");
    expect(await waiting).toBe(false);
  });

  it("is false when the child has already ended, even if something answers healthy", async () => {
    const app = await answering(200, JSON.stringify({ status: "ok" }));
    const next = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => next.once("exit", resolve));
    expect(await waitForOnramp(app.url, next)).toBe(false);
    expect(app.requests()).toBe(0);
  });
});
