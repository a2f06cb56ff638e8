// `npm run bench`: runs every bench/*.bench.ts, one after the other, each in its own process (so one
// benchmark's pools, servers and workers never skew the next). Each agent adds its own file; this one
// needs no edit. `npm run bench -- sync intake` runs only the files whose names contain those words.
// Exits non-zero when any benchmark failed.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { processEnvSnapshot } from "@/lib/env";
import { failureOutput } from "@/scripts/stack/failure";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH_DIR = join(ROOT, "bench");

function runFile(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", join("bench", file)], {
      cwd: ROOT,
      stdio: "inherit",
      env: processEnvSnapshot(),
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) {
    console.error(`[bench] no bench/*.bench.ts matches ${filters.join(", ") || "(any)"}`);
    return 1;
  }
  const failed: string[] = [];
  for (const file of files) {
    console.log(`\n[bench] ── ${file} ──`);
    const started = Date.now();
    const code = await runFile(file);
    console.log(
      `[bench] ${file}: ${code === 0 ? "done" : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (code !== 0) failed.push(file);
  }
  console.log(
    `\n[bench] ${failed.length === 0 ? `all ${files.length} benchmarks ran` : `FAILED: ${failed.join(", ")}`}`,
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("[bench] runner error:", failureOutput(e));
    process.exit(1);
  },
);
