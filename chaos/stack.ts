// The chaos run's stack (issue 11): its own embedded PostgreSQL that it may stop and start, the production
// build served by two `next start` instances that it may SIGKILL, and a round-robin balancer in front of
// them (the one public URL LinkedIn calls back and the customers' browsers use).
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { join } from "node:path";
import { type RunningPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { processEnvSnapshot } from "@/lib/env";
import { freePort, waitForHttp } from "@/scripts/stack/free-port";

/** An embedded PostgreSQL on a fixed port and data directory, so a restart comes back at the same URL. */
export class RestartablePostgres {
  private running: RunningPostgres | null = null;

  private constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<{ pg: RestartablePostgres; url: string }> {
    const pg = new RestartablePostgres(dataDir, await freePort());
    const running = await pg.up();
    return { pg, url: running.url };
  }

  private async up(): Promise<RunningPostgres> {
    this.running = await startEmbeddedPostgres({ dataDir: this.dataDir, port: this.port, database: "onramp_chaos" });
    return this.running;
  }

  /** Fast shutdown (SIGINT to the postmaster): every connection is cut, as in a crash of the server. */
  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = null;
  }

  async start(): Promise<void> {
    if (!this.running) await this.up();
  }
}

const ROOT = join(import.meta.dirname, "..");

/** `next build` into the default folder; the instances serve it. */
export function buildProduction(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: processEnvSnapshot(),
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

/** One `next start` process (web and job workers, as instrumentation.ts starts them), logging to a file. */
export class OnrampInstance {
  private child: ChildProcess | null = null;
  readonly url: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: "a" });
    // Node runs Next's CLI itself, in its own process group, so a SIGKILL of the group leaves nothing behind.
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(this.port), "-H", "127.0.0.1"],
      { cwd: ROOT, env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    await waitForHttp(`${this.url}/api/health`, 120_000);
  }

  /** Kills the instance mid-work: no shutdown hook runs, its jobs stay active until pg-boss expires them. */
  kill(): void {
    const pid = this.child?.pid;
    if (pid) process.kill(-pid, "SIGKILL");
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}

/**
 * Round-robin HTTP balancer over the instances; a connection refused by one (killed, restarting) is tried
 * on the next, and answers 502 when none takes it, as a load balancer in front of Onramp would.
 */
export async function startBalancer(targets: () => string[]): Promise<{ url: string; close: () => Promise<void> }> {
  let next = 0;
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, tries: number): void => {
    const list = targets();
    const target = new URL(list[next++ % list.length] ?? "http://127.0.0.1:1");
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (res.headersSent) res.destroy();
      else if (tries + 1 < list.length) forward(req, body, res, tries + 1);
      else {
        res.writeHead(502);
        res.end();
      }
    });
    out.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => forward(req, Buffer.concat(chunks), res, 0));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
