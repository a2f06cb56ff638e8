// `npm run demo` run as a person runs it (issue 26), as a real process, as whoever runs the tests (root in CI),
// with its data folder inside a folder only its owner can enter (mode 0700, like `mktemp -d` or /root):
// a port taken, a second run on the same data folder, a lock left by a killed run. Each check happens before
// anything heavy starts, so no test here builds or serves Next (the full demo is verified by hand).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processEnvSnapshot } from "@/lib/env";
import { processIsAlive } from "@/lib/runtime/os-process";
import { eventually } from "@/test/eventually";
import { LOCK_FILE } from "./stack/data-lock";
import { freePorts } from "./stack/free-port";

type Launched = { child: ChildProcess; output: () => string; ended: Promise<number | null> };

const launched: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of launched) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder only its owner can enter, removed after the file. */
function privateFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "onramp-launcher-"));
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  folders.push(folder);
  return folder;
}

/** The launcher's four ports, all different (one given twice is refused: "give each its own port"). */
async function launcherPorts(): Promise<Record<string, string>> {
  const [web, sandbox, smtp, mailWeb] = await freePorts(4);
  return {
    PORT: String(web),
    SANDBOX_PORT: String(sandbox),
    MAIL_CATCHER_SMTP_PORT: String(smtp),
    MAIL_CATCHER_PORT: String(mailWeb),
  };
}

/** `npm run demo` (its script, without the install check) with the demo's defaults and `env` on top. */
function launch(env: Record<string, string>): Launched {
  const base = processEnvSnapshot();
  // The test run's own database, sandbox and mail settings would make the launcher skip what it starts.
  for (const name of ["DATABASE_URL", "LINKEDIN_API_URL", "SMTP_URL", "NODE_ENV", "PUBLIC_URL", "NEXTAUTH_URL"])
    delete base[name];
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/onramp.ts"], {
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launched.push(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const ended = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, ended };
}

/** Waits until the launcher ended or began starting its database (then it is stopped: the check came too late). */
async function endsBeforeStarting(run: Launched): Promise<number | null> {
  await eventually(
    "the launcher to end or start its database",
    () => run.child.exitCode !== null || run.output().includes("starting embedded PostgreSQL"),
  );
  if (run.child.exitCode === null) run.child.kill("SIGTERM");
  return run.ended;
}

function holdPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end("another program\n"));
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** What the program on `port` says when one connects. */
function answers(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = connect(port, "127.0.0.1");
    let text = "";
    client.on("data", (d: Buffer) => (text += d.toString()));
    client.on("end", () => resolve(text));
    client.on("error", reject);
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the server does not listen");
  return address.port;
}

describe("npm run demo, before it starts anything", () => {
  it.each(["PORT", "SANDBOX_PORT", "MAIL_CATCHER_SMTP_PORT", "MAIL_CATCHER_PORT"])(
    "with %s's port taken: names the variable, exits non-zero, prints nothing as running",
    async (variable) => {
      const holder = await holdPort();
      const port = portOf(holder);
      try {
        const run = launch({
          ...(await launcherPorts()),
          [variable]: String(port),
          ONRAMP_DATA_DIR: path.join(privateFolder(), "data"),
        });
        expect(await endsBeforeStarting(run)).toBe(1);
        const output = run.output();
        expect(output).toContain(`Port ${port} is already in use`);
        expect(output).toContain(`set ${variable} to a free port`);
        expect(output).not.toContain("starting embedded PostgreSQL");
        expect(output).not.toMatch(/running at|operator@/);
        expect(output).not.toMatch(/\n\s+at /); // no stack trace
        // The other program was left alone.
        expect(await answers(port)).toBe("another program\n");
      } finally {
        holder.close();
      }
    },
  );

  it.each([
    ["a process that has ended", () => deadPid()],
    ["a pid now used by another process", async () => process.pid],
  ])("a lock left by a killed run (%s) does not stop the next run", async (_, pidOf) => {
    const dataDir = path.join(privateFolder(), "data");
    const holder = await holdPort();
    const port = portOf(holder);
    try {
      mkdirSync(dataDir, { recursive: true });
      const stale = { pid: await pidOf(), startedAt: "1", command: "npm run demo" };
      writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(stale));
      // The taken port stops it right after the lock: getting that far shows the stale lock was taken over.
      const run = launch({ ...(await launcherPorts()), PORT: String(port), ONRAMP_DATA_DIR: dataDir });
      expect(await endsBeforeStarting(run)).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use`);
      expect(run.output()).not.toContain("already running on the data folder");
      expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false); // released on exit
    } finally {
      holder.close();
    }
  });
});

/** The data directory the run's PostgreSQL uses (outside `folder` as root: then removed after the file too). */
function clusterDirOf(run: Launched, folder: string): string {
  const clusterDir = /its data in (.+)\)/.exec(run.output())?.[1] ?? "";
  expect(clusterDir).not.toBe("");
  if (!clusterDir.startsWith(folder)) folders.push(clusterDir); // where root keeps it for the account postgres
  return clusterDir;
}

const postmasterPid = (clusterDir: string) =>
  Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);

function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  return new Promise((resolve) => child.once("exit", () => resolve(child.pid ?? 0)));
}

describe("npm run demo twice on one data folder, in a folder only its owner can enter", () => {
  it("the second says so and stops; the first goes on with its embedded PostgreSQL and stops cleanly", async () => {
    const folder = privateFolder();
    const dataDir = path.join(folder, "data");
    const first = launch({ ...(await launcherPorts()), ONRAMP_DATA_DIR: dataDir });
    const firstEnded = () => (first.child.exitCode !== null ? `it ended:\n${first.output()}` : null);
    await eventually("the first run's database to be up", () => first.output().includes("embedded PostgreSQL is up"), {
      failWhen: firstEnded,
    });

    const second = launch({ ...(await launcherPorts()), ONRAMP_DATA_DIR: dataDir });
    expect(await endsBeforeStarting(second)).toBe(1);
    expect(second.output()).toContain(`\`npm run demo\` (process ${first.child.pid}) is already running`);
    expect(second.output()).toContain(dataDir);
    expect(second.output()).not.toContain("starting embedded PostgreSQL");

    // The first is untouched: still the lock's holder, and its database still takes the migrations.
    expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), "utf8")).pid).toBe(first.child.pid);
    await eventually(
      "the first run's migrations",
      () => /applied \d+ migration|database is up to date/.test(first.output()),
      {
        failWhen: firstEnded,
      },
    );

    const clusterDir = clusterDirOf(first, folder);
    first.child.kill("SIGTERM");
    expect(await first.ended).toBe(0);
    expect(existsSync(path.join(clusterDir, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false); // PostgreSQL stopped with it
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(statSync(folder).mode & 0o777).toBe(0o700); // the person's folder was not loosened
  });
});

describe("npm run demo after a run that was killed outright", () => {
  it("stops the PostgreSQL the killed run left on its data folder, then starts its own", async () => {
    const folder = privateFolder();
    const dataDir = path.join(folder, "data");
    const killed = launch({ ...(await launcherPorts()), ONRAMP_DATA_DIR: dataDir });
    await eventually(
      "the killed run's database to be up",
      () => killed.output().includes("embedded PostgreSQL is up"),
      {
        failWhen: () => (killed.child.exitCode !== null ? `it ended:\n${killed.output()}` : null),
      },
    );
    const clusterDir = clusterDirOf(killed, folder);
    const leftover = postmasterPid(clusterDir);
    killed.child.kill("SIGKILL");
    await killed.ended;
    expect(processIsAlive(leftover)).toBe(true); // nobody stopped it

    const next = launch({ ...(await launcherPorts()), ONRAMP_DATA_DIR: dataDir });
    await eventually("the next run's database to be up", () => next.output().includes("embedded PostgreSQL is up"), {
      failWhen: () => (next.child.exitCode !== null ? `it ended:\n${next.output()}` : null),
    });
    expect(next.output()).toContain(`stopping the PostgreSQL server an earlier run left running (process ${leftover})`);
    expect(postmasterPid(clusterDir)).not.toBe(leftover);
    next.child.kill("SIGTERM");
    expect(await next.ended).toBe(0);
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
  });
});

describe("npm run demo from a folder only its owner can enter", () => {
  it("starts everything, prints the logins only once Onramp answers, and Ctrl-C stops it all", async () => {
    const folder = privateFolder();
    const dataDir = path.join(folder, "data");
    const ports = await launcherPorts();
    // The development server (no build needed) in a build folder of its own, so a demo a person runs on this
    // checkout at the same time keeps `.next`.
    const run = launch({ ...ports, ONRAMP_DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-launcher-test" });
    await eventually("the logins to be printed", () => run.output().includes("operator@onramp.test"), {
      failWhen: () => (run.child.exitCode !== null ? `it ended:\n${run.output()}` : null),
    });
    const health = await fetch(`http://localhost:${ports.PORT}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const clusterDir = clusterDirOf(run, folder);

    run.child.kill("SIGINT");
    expect(await run.ended).toBe(0);
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});
