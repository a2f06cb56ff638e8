// The chaos run's stack (issue 11): its own embedded PostgreSQL that it may stop and start, the production
// build served by two `npm start` instances (scripts/serve.ts) that it may SIGKILL, and a round-robin balancer in front of
// them (the one public URL LinkedIn calls back and the customers' browsers use).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { join } from "node:path";
import { type RunningPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { processEnvSnapshot } from "@/lib/env";
import { freePort, waitForHttp } from "@/scripts/stack/free-port";

const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in these

type ProcStat = { pid: number; ppid: number; self: number; reaped: number };

function procStats(): ProcStat[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      let text: string;
      try {
        text = readFileSync(`/proc/${d}/stat`, "utf8");
      } catch {
        return []; // the process ended while being read
      }
      // Fields after the command name (which may hold spaces): state ppid … utime stime cutime cstime.
      const f = text
        .slice(text.lastIndexOf(")") + 2)
        .split(" ")
        .map((n) => Number(n) || 0);
      const at = (i: number) => f[i] ?? 0;
      return [
        { pid: Number(d), ppid: at(1), self: (at(11) + at(12)) / CLOCK_TICKS, reaped: (at(13) + at(14)) / CLOCK_TICKS },
      ];
    });
}

/**
 * CPU seconds spent so far by a process and everything it started: its own, its live descendants', and its
 * ended children's (counted by the kernel when reaped). A figure the machine's load does not inflate.
 */
export function cpuSecondsOfTree(root: number): number {
  const all = procStats();
  const children = new Map<number, ProcStat[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const visit = (p: ProcStat) => {
    total += p.self + p.reaped;
    for (const c of children.get(p.pid) ?? []) visit(c);
  };
  const top = all.find((p) => p.pid === root);
  if (top) visit(top);
  return total;
}

/** An embedded PostgreSQL on a fixed port and data directory, so a restart comes back at the same URL. */
export class RestartablePostgres {
  private running: RunningPostgres | null = null;
  /** CPU seconds of the servers this run stopped (a restart starts a new postmaster). */
  private spentCpu = 0;

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
    this.spentCpu = this.cpuSeconds();
    await this.running?.stop();
    this.running = null;
  }

  /** CPU seconds every server of this run has spent (postmaster, backends, background workers). */
  cpuSeconds(): number {
    if (!this.running) return this.spentCpu;
    return this.spentCpu + cpuSecondsOfTree(this.running.pid);
  }

  async start(): Promise<void> {
    if (!this.running) await this.up();
  }
}

const ROOT = join(import.meta.dirname, "..");

/** The build folder the chaos run serves: its own, so e2e runs and benches on this checkout keep theirs. */
export function chaosDistDir(): string {
  return processEnvSnapshot().NEXT_DIST_DIR || ".next-chaos";
}

// What the production build is made of: everything tracked or new in the tree, but the run's own driver,
// tests, docs and benches (editing those needs no new build).
const BUILD_INPUTS = [".", ":!chaos", ":!attack", ":!e2e", ":!docs", ":!bench", ":!*.test.ts", ":!*.md"];

function git(args: string[]): Buffer {
  return execFileSync("git", args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
}

/** A fingerprint of the build's inputs as they are on disk now (index, unstaged changes, new files). */
function sourceStamp(): string {
  const hash = createHash("sha256");
  hash.update(git(["ls-files", "-s", "--", ...BUILD_INPUTS]));
  hash.update(git(["diff", "--binary", "--", ...BUILD_INPUTS]));
  const untracked = git(["ls-files", "-z", "--others", "--exclude-standard", "--", ...BUILD_INPUTS])
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  for (const file of untracked.sort()) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest("hex");
}

/**
 * `next build` into `distDir`, unless that folder already holds a build of exactly these sources (a stamp
 * written after the last successful chaos build): answers whether it built. A build takes minutes on a
 * loaded two-core machine and proves nothing the run needs twice.
 */
export async function ensureProductionBuild(distDir: string, force: boolean): Promise<boolean> {
  const stampFile = join(ROOT, distDir, "chaos-source-stamp");
  const built = existsSync(join(ROOT, distDir, "BUILD_ID")) && existsSync(stampFile);
  if (!force && built && readFileSync(stampFile, "utf8") === sourceStamp()) return false;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...processEnvSnapshot(), NEXT_DIST_DIR: distDir },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
  writeFileSync(stampFile, sourceStamp()); // read after the build, in case the build itself touched a source
  return true;
}

/** One Onramp server process (`npm start`: web and job workers, as instrumentation.ts starts them), logging to a file. */
export class OnrampInstance {
  private child: ChildProcess | null = null;
  /** CPU seconds of this instance's earlier processes (before a kill or stop). */
  private spentCpu = 0;
  readonly url: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: "a" });
    // Node runs Onramp's server (scripts/serve.ts) itself, in its own process group, so a SIGKILL of the group
    // leaves nothing behind.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts/serve.ts"), "-p", String(this.port), "-H", "127.0.0.1"],
      { cwd: ROOT, env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    // Two streams into one file: neither may end it (the one that ends first would make the other's last
    // lines a write after end, which crashed the run when a killed instance's stderr outlived its stdout).
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once("close", () => log.end());
    this.child = child;
    await waitForHttp(`${this.url}/api/health`, 120_000);
  }

  /** CPU seconds this instance's processes have spent, the killed ones' included. */
  cpuSeconds(): number {
    const pid = this.child?.pid;
    return this.spentCpu + (pid ? cpuSecondsOfTree(pid) : 0);
  }

  /** Kills the instance mid-work: no shutdown hook runs, its jobs stay active until pg-boss expires them. */
  kill(): void {
    this.spentCpu = this.cpuSeconds();
    const pid = this.child?.pid;
    if (pid) process.kill(-pid, "SIGKILL");
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.spentCpu = this.cpuSeconds();
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
