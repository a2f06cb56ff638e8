// README's first command: starts Onramp on its embedded defaults. Embedded PostgreSQL (unless
// DATABASE_URL is set), migrations, the LinkedIn sandbox (unless LINKEDIN_API_URL is set), demo data,
// then the app on http://localhost:3000 with the logins printed. Ctrl-C stops everything cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { loadOrCreateLocalSecrets } from "./stack/secrets";
import { sandboxEnv, seedDemoKnownToSandbox, startLinkedInSandbox } from "./stack/linkedin-sandbox";
import { waitForHttp } from "./stack/free-port";

const say = (line: string) => console.log(`[onramp] ${line}`);

async function main() {
  const production = process.argv.includes("--production");
  const le = launcherEnv();
  const dataDir = resolve(le.ONRAMP_DATA_DIR);
  const stops: (() => Promise<void>)[] = [];
  let next: ChildProcess | undefined;

  const shutdown = async (code: number) => {
    next?.kill("SIGTERM");
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error("[onramp] stop failed:", e));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let databaseUrl = le.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting embedded PostgreSQL (data in ${join(dataDir, "pg")})…`);
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, "pg") });
    stops.push(() => pg.stop());
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
    const sandbox = await startLinkedInSandbox({
      port: le.SANDBOX_PORT,
      stateFile: join(dataDir, "linkedin-sandbox.json"),
    });
    stops.push(() => sandbox.close());
    sandboxUrl = sandbox.url;
    setProcessEnv(sandboxEnv(sandbox.url));
    say(`LinkedIn sandbox at ${sandbox.url} (its console: ${sandbox.url}/_sandbox/)`);
  }

  let mailLine = `  mail            sent through ${le.SMTP_URL ? "SMTP_URL" : "nowhere"}`;
  if (!le.SMTP_URL) {
    const { startMailCatcher } = await import("@/lib/email/catcher");
    const catcher = await startMailCatcher({
      smtpPort: le.MAIL_CATCHER_SMTP_PORT,
      webPort: le.MAIL_CATCHER_PORT,
      host: "127.0.0.1",
    });
    stops.push(() => catcher.close());
    setProcessEnv({ SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}` });
    mailLine = `  mail            read what Onramp sends at http://localhost:${catcher.webPort} (local mail catcher)`;
  }

  await seedDemoKnownToSandbox(sandboxUrl);
  const { demoLoginLines } = await import("@/lib/seed/demo");

  const nextBin = join("node_modules", ".bin", "next");
  if (production) {
    say("building the production app…");
    await runToEnd(nextBin, ["build"]);
  }
  next = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", ...(production ? [] : ["--dev"]), "-p", String(le.PORT)],
    {
      stdio: "inherit",
      env: processEnvSnapshot(),
    },
  );
  next.on("exit", (code) => void shutdown(code ?? 0));
  await waitForHttp(`${publicUrl}/sign-in`, 180_000);
  console.log(`\n${[...demoLoginLines(publicUrl), mailLine].join("\n")}\n`);
}

function pickUnset(values: Record<string, string>): Record<string, string> {
  const current = processEnvSnapshot();
  return Object.fromEntries(Object.entries(values).filter(([k]) => !current[k]));
}

function runToEnd(cmd: string, args: string[]): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: processEnvSnapshot() });
    child.on("exit", (code) => (code === 0 ? res() : rej(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

main().catch((e: unknown) => {
  console.error("[onramp] failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
