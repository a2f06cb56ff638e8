// First-load JavaScript of the customer admin's page (issue #13): `/integrations` opened in Chromium, signed in as a
// customer admin, against the PRODUCTION build (`next build` + `npm start`) on a fresh database and the LinkedIn
// sandbox. Every JavaScript response of that first load (cold cache) is gzipped here with zlib (level 6, what
// `next start` itself uses) and summed; the figure for Onramp's own scripts is printed beside the 150 kB target
// (exit 1 when over). LinkedIn's scripts (in.js and the panel; here the sandbox's stand-ins) are listed apart:
// Onramp does not ship them.
//
// Run through bench/run.ts (`npm run bench`, or `npm run bench -- first-load`), or alone:
//   tsx --conditions=react-server bench/first-load.bench.ts
// Environment: TEST_DATABASE_URL (or DATABASE_URL) names the Postgres server on which a fresh database is created
// and dropped; NEXT_DIST_DIR (default .next-bench, shared with the intake bench) the build folder;
// BENCH_SKIP_BUILD=1 reuses an existing build there; CHROMIUM_PATH (default /usr/bin/chromium).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Response } from "@playwright/test";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv, processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { createFreshDatabase, testDatabaseServer } from "@/scripts/stack/database";
import { freePort, waitForHttp } from "@/scripts/stack/free-port";
import { sandboxEnv, seedDemoKnownToSandbox, startLinkedInSandbox } from "@/scripts/stack/linkedin-sandbox";
import { freshTestSecrets } from "@/scripts/stack/secrets";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Issue #13: `/integrations` first-load JavaScript ≤ 150 kB gzipped. */
export const FIRST_LOAD_BUDGET_KB = 150;
const PAGE = "/integrations";

type Script = { url: string; own: boolean; bytes: number; gzipBytes: number; transferBytes: number };

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", env: processEnvSnapshot() });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function isJavaScript(res: Response): boolean {
  const type = res.headers()["content-type"] ?? "";
  return res.request().resourceType() === "script" || /javascript|ecmascript/.test(type);
}

/** Opens PAGE with a cold cache in a context that carries a signed-in customer admin's session. */
async function firstLoad(appUrl: string, email: string, password: string, chromiumPath: string): Promise<Script[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
  });
  try {
    const signIn = await browser.newContext({ baseURL: appUrl });
    const page = await signIn.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    const session = await signIn.storageState();
    await signIn.close();

    // A new context: the session cookie only, nothing cached from the sign-in page.
    const context = await browser.newContext({ baseURL: appUrl, storageState: session });
    const seen: Promise<Script | null>[] = [];
    context.on("response", (res) => {
      if (!isJavaScript(res) || res.status() !== 200) return;
      seen.push(
        (async () => {
          const body = await res.body();
          const sizes = await res.request().sizes();
          return {
            url: res.url(),
            own: res.url().startsWith(appUrl),
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 6 }).length,
            transferBytes: sizes.responseBodySize,
          };
        })(),
      );
    });
    const first = await context.newPage();
    const answer = await first.goto(PAGE);
    if (answer?.status() !== 200) throw new Error(`GET ${PAGE} answered ${answer?.status()}`);
    // Loaded means hydrated with LinkedIn's panel drawn (its scripts in), and nothing more on the wire.
    await first.getByTestId("linkedin-widget").getByRole("button").first().waitFor();
    await first.waitForLoadState("networkidle");
    const scripts = (await Promise.all(seen)).filter((s): s is Script => s !== null);
    await context.close();
    return scripts;
  } finally {
    await browser.close();
  }
}

function report(scripts: Script[]): boolean {
  const own = scripts.filter((s) => s.own).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const others = scripts.filter((s) => !s.own);
  const sum = (list: Script[], k: "bytes" | "gzipBytes" | "transferBytes") => list.reduce((n, s) => n + s[k], 0);
  console.log(`\nFirst-load JavaScript of ${PAGE} (customer admin, cold cache, production build)`);
  console.log(
    "  gzipped = each response body gzipped here with zlib level 6; transfer = body bytes as Chromium received",
  );
  console.log(`  ${"gzipped".padStart(10)} ${"raw".padStart(10)} ${"transfer".padStart(10)}  script`);
  for (const s of own)
    console.log(
      `  ${kb(s.gzipBytes).padStart(10)} ${kb(s.bytes).padStart(10)} ${kb(s.transferBytes).padStart(10)}  ${new URL(s.url).pathname}`,
    );
  const gzipped = sum(own, "gzipBytes");
  const within = gzipped <= FIRST_LOAD_BUDGET_KB * 1000;
  console.log(
    `  ${kb(gzipped).padStart(10)} ${kb(sum(own, "bytes")).padStart(10)} ${kb(sum(own, "transferBytes")).padStart(10)}  ` +
      `total, ${own.length} scripts from Onramp`,
  );
  for (const s of others)
    console.log(
      `  (LinkedIn's, not counted: ${kb(s.gzipBytes).padStart(8)} gzipped  ${s.url}; the sandbox's stand-in)`,
    );
  console.log(
    `\n  first-load JS: ${kb(gzipped)} gzipped, target ≤ ${FIRST_LOAD_BUDGET_KB} kB: ${within ? "within" : "OVER"}`,
  );
  return within;
}

export default async function firstLoadBench(): Promise<boolean> {
  const le = launcherEnv();
  const outer = processEnvSnapshot();
  const distDir = outer.NEXT_DIST_DIR || ".next-bench";
  const chromiumPath = outer.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
  const server = await testDatabaseServer(le.TEST_DATABASE_URL ?? le.DATABASE_URL);
  const database = await createFreshDatabase(server.url, "onramp_bench_first_load");
  const sandbox = await startLinkedInSandbox({ port: await freePort() });
  let app: ChildProcess | undefined;
  try {
    await migrate({ databaseUrl: database.url, log: () => {} });
    setProcessEnv({
      ...freshTestSecrets(),
      ...sandboxEnv(sandbox.url),
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: distDir,
      JOBS_WORKERS: "false",
      LOG_LEVEL: "error",
    });
    await seedDemoKnownToSandbox(sandbox.url);

    if (outer.BENCH_SKIP_BUILD !== "1" || !existsSync(join(ROOT, distDir, "BUILD_ID"))) {
      console.log(`[first-load bench] building the production app into ${distDir}…`);
      const code = await run(join("node_modules", ".bin", "next"), ["build"]);
      if (code !== 0) throw new Error(`next build failed (exit ${code})`);
    } else console.log(`[first-load bench] reusing the production build in ${distDir} (BENCH_SKIP_BUILD=1)`);

    const port = await freePort();
    const appUrl = `http://localhost:${port}`;
    setProcessEnv({ PUBLIC_URL: appUrl, NEXTAUTH_URL: appUrl });
    app = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port)], {
      cwd: ROOT,
      env: processEnvSnapshot(),
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`${appUrl}/sign-in`, 120_000);
    const { DEMO } = await import("@/lib/seed/demo");
    const { email, password } = DEMO.customer.admin;
    return report(await firstLoad(appUrl, email, password, chromiumPath));
  } finally {
    app?.kill("SIGTERM");
    await disconnectDb();
    await sandbox.close();
    await database.drop().catch((e: unknown) => console.error("[first-load bench] could not drop its database:", e));
    await server.stop();
  }
}

if (process.argv[1] && /first-load\.bench\.ts$/.test(process.argv[1])) {
  firstLoadBench().then(
    (within) => process.exit(within ? 0 : 1),
    (e: unknown) => {
      console.error("[first-load bench] failed:", e);
      process.exit(1);
    },
  );
}
