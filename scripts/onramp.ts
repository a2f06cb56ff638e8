// README's first command: starts Onramp on its embedded defaults. Embedded PostgreSQL (unless
// DATABASE_URL is set), migrations, the LinkedIn sandbox (unless LINKEDIN_API_URL is set), demo data,
// then the app on http://localhost:3000 with the logins printed. Ctrl-C stops everything cleanly, in reverse
// order: the app (once it has drained its jobs), the sandbox and mail catcher, then PostgreSQL last.
// Before starting anything (issue 26) it takes the data folder's lock (one run per folder) and checks every
// port it will listen on; it prints "running" and the logins only once Onramp itself answers.
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { EnvError, launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { isSafeError } from "@/lib/errors/safe-error";
import { lockDataFolder } from "./stack/data-lock";
import { waitForOnramp } from "./stack/free-port";
import { sandboxEnv, seedDemoKnownToSandbox, startLinkedInSandbox } from "./stack/linkedin-sandbox";
import { portProblems, portsNeeded } from "./stack/ports";
import { loadOrCreateLocalSecrets } from "./stack/secrets";
import { StartedServices } from "./stack/started";

const say = (line: string) => console.log(`[onramp] ${line}`);
const started = new StartedServices();

/** A reason to stop that a person can act on: printed as it is, without a stack. */
class CannotStart extends Error {}

let stopping: Promise<never> | undefined;
function shutdown(code: number, why?: string): Promise<never> {
  stopping ??= (async () => {
    if (why) console.error(`[onramp] ${why}`);
    // Work still under way (migrations, seeding) loses its database connections as the database stops: that is
    // this stop, not a new fault, so it is told in one line instead of ending the process before the rest stops.
    process.on("uncaughtException", (e) => console.error(`[onramp] while stopping: ${e.message}`));
    await started.stopAll();
    process.exit(code);
  })();
  return stopping;
}

/**
 * SIGTERM, then waits for the exit: the app drains its jobs and closes its database connections first
 * (lib/runtime/shutdown.ts, issue 24), so what was started before it — PostgreSQL first of all — stops after it.
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    child.once("exit", () => res());
    child.kill("SIGTERM");
  });
}

async function main() {
  const production = process.argv.includes("--production");
  const le = launcherEnv();
  const dataDir = resolve(le.ONRAMP_DATA_DIR);
  const lock = lockDataFolder(dataDir, production ? "npm run demo:production" : "npm run demo");
  await started.start(
    async () => lock,
    async (held) => held.release(),
  );
  const taken = await portProblems(portsNeeded(le));
  if (taken.length) throw new CannotStart(taken.join("\n[onramp] "));

  let databaseUrl = le.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting embedded PostgreSQL (data folder ${dataDir})…`);
    const pg = await started.start(
      () => startEmbeddedPostgres({ dataDir: join(dataDir, "pg"), stopLeftover: true, notice: say }),
      (running) => running.stop(),
    );
    say(`embedded PostgreSQL is up (its data in ${pg.dataDir})`);
    databaseUrl = pg.url;
  }
  say("applying migrations…");
  const applied = await migrate({ databaseUrl, log: (m) => say(m) });
  say(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");

  const secrets = loadOrCreateLocalSecrets(dataDir);
  const publicUrl = `http://localhost:${le.PORT}`;
  setProcessEnv({ DATABASE_URL: databaseUrl, PUBLIC_URL: publicUrl, NEXTAUTH_URL: publicUrl, ...pickUnset(secrets) });
  // Issue 20: the development demo may send webhooks to receivers on this machine (the console says so);
  // `demo:production` keeps production's rule (https to public addresses only) unless the variable is set.
  if (!production) setProcessEnv(pickUnset({ OUTBOUND_ALLOW_PRIVATE_NETWORK: "true" }));

  let sandboxUrl: string | undefined;
  if (!le.LINKEDIN_API_URL) {
    const sandbox = await started.start(
      () => startLinkedInSandbox({ port: le.SANDBOX_PORT, stateFile: join(dataDir, "linkedin-sandbox.json") }),
      (running) => running.close(),
    );
    sandboxUrl = sandbox.url;
    setProcessEnv(sandboxEnv(sandbox.url));
    say(`LinkedIn sandbox at ${sandbox.url} (its console: ${sandbox.url}/_sandbox/)`);
  }

  let mailLine = `  mail            sent through ${le.SMTP_URL ? "SMTP_URL" : "nowhere"}`;
  if (!le.SMTP_URL) {
    const { startMailCatcher } = await import("@/lib/email/catcher");
    const catcher = await started.start(
      () => startMailCatcher({ smtpPort: le.MAIL_CATCHER_SMTP_PORT, webPort: le.MAIL_CATCHER_PORT, host: "127.0.0.1" }),
      (running) => running.close(),
    );
    setProcessEnv({ SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}` });
    mailLine = `  mail            read what Onramp sends at http://localhost:${catcher.webPort} (local mail catcher)`;
  }

  await seedDemoKnownToSandbox(sandboxUrl);
  const { demoLoginLines } = await import("@/lib/seed/demo");

  const nextBin = join("node_modules", ".bin", "next");
  if (production) {
    say("building the production app…");
    await started.start(
      () => runToEnd(nextBin, ["build"]),
      async () => {},
    );
  }
  // Asked again right before `next` listens: the build may have taken minutes.
  const takenSince = await portProblems(portsNeeded(le).filter((p) => p.variable === "PORT"));
  if (takenSince.length) throw new CannotStart(takenSince.join(" "));
  const next = await started.start(
    async () =>
      spawn(
        process.execPath,
        ["--import", "tsx", "scripts/serve.ts", ...(production ? [] : ["--dev"]), "-p", String(le.PORT)],
        { stdio: "inherit", env: processEnvSnapshot() },
      ),
    stopChild,
  );
  let answered = false;
  next.once("exit", (code) => {
    if (answered) void shutdown(code ?? 0);
  });
  if (!(await waitForOnramp(publicUrl, next)))
    throw new CannotStart(`Onramp stopped before it answered at ${publicUrl} (its output is above).`);
  answered = true;
  console.log(`\n${[...demoLoginLines(publicUrl), mailLine].join("\n")}\n`);
}

function pickUnset(values: Record<string, string>): Record<string, string> {
  const current = processEnvSnapshot();
  return Object.fromEntries(Object.entries(values).filter(([k]) => !current[k]));
}

function runToEnd(cmd: string, args: string[]): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: processEnvSnapshot() });
    child.on("exit", (code) =>
      code === 0 ? res() : rej(new CannotStart(`${cmd} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

main().catch((e: unknown) => {
  if (started.isStopping) return; // a signal is already stopping everything
  const known = e instanceof CannotStart || e instanceof EnvError || isSafeError(e);
  void shutdown(1, known ? e.message : `failed to start: ${e instanceof Error ? e.message : String(e)}`);
});
