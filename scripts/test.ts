// README's test command (`npm test`): every test, ending non-zero on any failure.
//   1. lint          Biome: lint rules and formatting (`npm run format` fixes what it can)
//   2. architecture  the import rules of docs/ARCHITECTURE.md, by dependency-cruiser (scripts/architecture.ts)
//   3. types         tsc --noEmit
//   4. vitest        unit and integration tests on real Postgres (fresh database per run)
//   5. e2e           the production build against a fresh database and the LinkedIn sandbox, in Chromium
// `npm test -- vitest` or `npm test -- e2e` runs one stage.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { createFreshDatabase, testDatabaseServer } from "./stack/database";
import { failureOutput } from "./stack/failure";
import { freePort, freePorts } from "./stack/free-port";
import { sandboxEnv, seedDemoKnownToSandbox, startLinkedInSandbox } from "./stack/linkedin-sandbox";
import { freshTestSecrets } from "./stack/secrets";

const say = (line: string) => console.log(`\n[test] ${line}`);

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: processEnvSnapshot() });
    child.on("exit", (code, signal) => res(code ?? (signal ? 1 : 0)));
  });
}

async function e2e(): Promise<number> {
  const le = launcherEnv();
  // Debian's headless shell (package chromium-headless-shell, the build Playwright itself runs headless) where
  // installed, else Debian's Chromium binary itself, not its /usr/bin wrapper: the wrapper adds the desktop's flags
  // (GPU rasterization in software, the bundled extensions). On 2 cores the axe spec took 2.0 min through the
  // wrapper, 1.6 min with the binary and 1.3 min with the headless shell.
  const chromium =
    processEnvSnapshot().CHROMIUM_PATH ??
    ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((path) =>
      existsSync(path),
    ) ??
    "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(
      `[test] Chromium not found at ${chromium}. Install it with: apt-get install -y chromium chromium-headless-shell`,
    );
    return 1;
  }
  say("building the production app…");
  const built = await run("node_modules/.bin/next", ["build"]);
  if (built !== 0) return built;

  const server = await testDatabaseServer(le.TEST_DATABASE_URL);
  const database = await createFreshDatabase(server.url, "onramp_e2e");
  const sandbox = await startLinkedInSandbox({ port: await freePort(), retryDelayMs: 1000 });
  // The app sends its mail to a local catcher the specs read (issue 14).
  const { startMailCatcher } = await import("@/lib/email/catcher");
  const mail = await startMailCatcher({ webPort: 0 });
  const [port, embedPort, oidcPort = 0] = await freePorts(3);
  const publicUrl = `http://localhost:${port}`;
  // Staff sign in through a real OIDC provider too (issue 24, e2e/oidc.spec.ts); password sign-in stays on.
  const { startOidcProvider } = await import("./stack/oidc-provider");
  const oidc = await startOidcProvider({ port: oidcPort, appUrl: publicUrl });
  try {
    await migrate({ databaseUrl: database.url });
    // Embedded mode is on for the whole run, as a vendor that frames Onramp would have it (session cookies
    // SameSite=None; Secure; Partitioned): e2e/embed.spec.ts serves the ATS's page at this origin, another
    // site than localhost, and frames Onramp from it.
    const embedOrigin = `http://127.0.0.1:${embedPort}`;
    setProcessEnv({
      ...freshTestSecrets(),
      ...sandboxEnv(sandbox.url),
      ...oidc.env,
      DATABASE_URL: database.url,
      PUBLIC_URL: publicUrl,
      NEXTAUTH_URL: publicUrl,
      E2E_PORT: String(port),
      EMBED_ALLOWED_ORIGINS: embedOrigin,
      E2E_EMBED_ORIGIN: embedOrigin,
      E2E_SANDBOX_URL: sandbox.url,
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      E2E_MAIL_URL: `http://127.0.0.1:${mail.webPort}`,
      LINKEDIN_BACKOFF_BASE_MS: "100",
      // Issue 20: the specs' webhook receivers listen on this machine (e2e/ats.spec.ts).
      OUTBOUND_ALLOW_PRIVATE_NETWORK: "true",
      LOG_LEVEL: "warn",
      CHROMIUM_PATH: chromium,
    });
    await seedDemoKnownToSandbox(sandbox.url);
    say("end-to-end tests in Chromium…");
    return await run("node_modules/.bin/playwright", ["test", ...process.argv.slice(3)]);
  } finally {
    await oidc.close();
    await mail.close();
    await sandbox.close();
    await database.drop().catch((e: unknown) => console.error("[test] could not drop the e2e database:", e));
    await server.stop();
  }
}

async function main(): Promise<number> {
  const only = process.argv[2];
  const stages: [string, () => Promise<number>][] = [
    ["lint", () => run("node_modules/.bin/biome", ["check", "."])],
    ["architecture", () => run("node_modules/.bin/tsx", ["scripts/architecture.ts"])],
    ["types", () => run("node_modules/.bin/tsc", ["--noEmit", "-p", "."])],
    ["vitest", () => run("node_modules/.bin/vitest", ["run"])],
    ["e2e", e2e],
  ];
  const failed: string[] = [];
  for (const [name, stage] of stages) {
    if (only && only !== name) continue;
    say(`stage: ${name}`);
    const code = await stage();
    if (code !== 0) failed.push(name);
  }
  say(failed.length ? `FAILED stages: ${failed.join(", ")}` : "all stages passed");
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("[test] harness error:", failureOutput(e));
    process.exit(1);
  },
);
