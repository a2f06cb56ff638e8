// `npm run attack` (issue 20): the hostile-client run. Onramp's production build (its own folder, NEXT_DIST_DIR or
// .next-attack, made again only when the sources changed) on an embedded PostgreSQL of its own and the LinkedIn
// sandbox, with PRODUCTION settings (NODE_ENV=production, no private outbound addresses, no trusted proxies). Each
// probe in attack/probes/ tries one family of attacks over real HTTP; the run prints, per attack, how many were
// tried and how many got through, and exits non-zero unless every "got through" is 0 and every probe ran.
// Not part of `npm test` (it builds and runs a production stack); each defence also has its own test there.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureProductionBuild, OnrampInstance, RestartablePostgres } from "@/chaos/stack";
import { migrate } from "@/lib/db/migrate";
import { processEnvSnapshot, setProcessEnv } from "@/lib/env";
import { freePort } from "@/scripts/stack/free-port";
import { sandboxEnv, startLinkedInSandbox } from "@/scripts/stack/linkedin-sandbox";
import { freshTestSecrets } from "@/scripts/stack/secrets";
import type { Probe, Tally } from "./types";

const started = Date.now();
const say = (line: string) =>
  console.log(`[attack] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);

async function loadProbes(only: string[]): Promise<Probe[]> {
  const dir = join(import.meta.dirname, "probes");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const probes: Probe[] = [];
  for (const file of files) {
    const mod: { probe?: Probe } = await import(pathToFileURL(join(dir, file)).href);
    if (!mod.probe) throw new Error(`attack/probes/${file} exports no \`probe\``);
    if (only.length === 0 || only.includes(mod.probe.name)) probes.push(mod.probe);
  }
  return probes;
}

function printReport(rows: (Tally & { probe: string })[], crashed: string[]): void {
  const width = Math.max(6, ...rows.map((r) => r.attack.length));
  console.log(`\n${"attack".padEnd(width)}  ${"tried".padStart(6)}  ${"got through".padStart(11)}`);
  for (const r of rows)
    console.log(`${r.attack.padEnd(width)}  ${String(r.tried).padStart(6)}  ${String(r.gotThrough).padStart(11)}`);
  const tried = rows.reduce((s, r) => s + r.tried, 0);
  const through = rows.reduce((s, r) => s + r.gotThrough, 0);
  console.log(`${"total".padEnd(width)}  ${String(tried).padStart(6)}  ${String(through).padStart(11)}`);
  for (const c of crashed) console.log(`probe failed to run: ${c}`);
}

async function main(): Promise<number> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const probes = await loadProbes(only);
  const workDir = mkdtempSync(join(tmpdir(), "onramp-attack-"));
  const cleanups: (() => Promise<void>)[] = [() => Promise.resolve(rmSync(workDir, { recursive: true, force: true }))];
  const cleanUp = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error("[attack] cleanup:", e));
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    const distDir = processEnvSnapshot().NEXT_DIST_DIR || ".next-attack";
    say(`production build in ${distDir}: made again only if the sources changed…`);
    say((await ensureProductionBuild(distDir, process.argv.includes("--build"))) ? "built" : "reused");

    const { pg, url: databaseUrl } = await RestartablePostgres.start(join(workDir, "pg"));
    cleanups.push(() => pg.stop());
    await migrate({ databaseUrl, log: () => {} });
    const sandbox = await startLinkedInSandbox({ port: await freePort(), retryDelayMs: 1000 });
    cleanups.push(() => sandbox.close());

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const appEnv: Record<string, string> = {
      ...freshTestSecrets(),
      ...sandboxEnv(sandbox.url),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: distDir,
      SMTP_URL: "",
      LOG_LEVEL: "warn",
    };
    setProcessEnv({ ...appEnv, LOG_LEVEL: "error", JOBS_WORKERS: "false" });
    const { disconnectDb } = await import("@/lib/db/client");
    cleanups.push(() => disconnectDb());
    const instance = new OnrampInstance(
      "attacked",
      port,
      { ...processEnvSnapshot(), ...appEnv, NODE_ENV: "production", JOBS_WORKERS: "true" },
      join(workDir, "instance.log"),
    );
    cleanups.push(() => instance.stop());
    await instance.start();
    say(`Onramp (production settings) at ${baseUrl}, LinkedIn sandbox at ${sandbox.url}`);

    const { attackStack } = await import("./stack");
    const stack = attackStack({ baseUrl, sandboxUrl: sandbox.url, sandbox: sandbox.state, databaseUrl, env: appEnv });
    const rows: (Tally & { probe: string })[] = [];
    const crashed: string[] = [];
    for (const probe of probes) {
      say(`probe: ${probe.name}`);
      try {
        for (const t of await probe.run(stack)) rows.push({ ...t, probe: probe.name });
      } catch (e) {
        crashed.push(`${probe.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    printReport(rows, crashed);
    const through = rows.reduce((s, r) => s + r.gotThrough, 0);
    say(through === 0 && crashed.length === 0 ? "every attack was stopped" : "FAILED: see the rows above");
    return through === 0 && crashed.length === 0 && rows.length > 0 ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("[attack] harness error:", e);
    process.exit(1);
  },
);
