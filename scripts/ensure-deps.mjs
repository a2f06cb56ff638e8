// Installs what is missing, so that each README command works on a fresh clone: npm packages when
// node_modules is absent or older than package-lock.json, then the Prisma client when it is absent or
// older than prisma/schema.prisma. Prisma's CLI wants a schema-engine binary even to generate, which
// cannot be downloaded here; any existing executable satisfies the check (the generator itself is wasm).
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { stdio: "inherit", env });

if (
  !existsSync("node_modules/.package-lock.json") ||
  mtime("package-lock.json") > mtime("node_modules/.package-lock.json")
) {
  console.log("[onramp] installing npm packages…");
  // `npm install` (which follows package-lock.json) rather than `npm ci`: the registry reachable from
  // these machines has no metadata for other platforms' optional binaries, and `npm ci` refuses then.
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

if (mtime("prisma/schema.prisma") > mtime("lib/db/generated/client.ts")) {
  console.log("[onramp] generating the Prisma client…");
  run("npx", ["prisma", "generate"], {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  });
}
