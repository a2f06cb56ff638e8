// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL Prisma Migrate itself would write for the change from the existing migrations to
// schema.prisma. It runs Prisma's schema engine as wasm (@prisma/schema-engine-wasm) through the
// pg driver adapter, because the native schema-engine binary cannot be downloaded on every machine.
// The diff is from schema.prisma as committed at git HEAD (or `--from <ref>`) to the working copy: the
// drift test keeps every commit's migrations equal to its schema, so that diff is exactly the new step.
// (Replaying the migrations in a shadow database through the adapter fails in the wasm engine.)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { launcherEnv } from "@/lib/env";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const MIGRATIONS_DIR = resolve("prisma/migrations");
const SCHEMA = resolve("prisma/schema.prisma");

async function loadEngine() {
  const wasmPath = resolve("node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return engineBindings.SchemaEngine;
}

function schemaAt(ref: string): string {
  return execFileSync("git", ["show", `${ref}:prisma/schema.prisma`], { encoding: "utf8" });
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:new-migration -- <name in snake_case>");
  const fromIndex = process.argv.indexOf("--from");
  const fromRef = fromIndex > 0 ? (process.argv[fromIndex + 1] ?? "HEAD") : "HEAD";
  {
    const SchemaEngine = await loadEngine();
    // Two datamodels are compared; the engine still connects once (to read the server's version), so it
    // needs a reachable PostgreSQL. It writes nothing there.
    const le = launcherEnv();
    const url = le.TEST_DATABASE_URL ?? le.DATABASE_URL;
    if (!url) throw new Error("set TEST_DATABASE_URL or DATABASE_URL to any PostgreSQL server (nothing is written)");
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
    const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
    const result = await engine.diff({
      from: { tag: "schemaDatamodel", files: [{ path: SCHEMA, content: schemaAt(fromRef) }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA, content: readFileSync(SCHEMA, "utf8") }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    const sql = String((result as { stdout: string }).stdout);
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log("schema.prisma matches the migrations: nothing to write.");
      return;
    }
    if (sql.includes(";") && /--[^\n]*;/.test(sql))
      throw new Error("generated SQL has a ';' inside a comment, which the pg adapter would split");
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    if (existsSync(dir)) throw new Error(`${dir} exists`);
    mkdirSync(dir);
    writeFileSync(join(dir, "migration.sql"), sql);
    console.log(`wrote ${join(dir, "migration.sql")}`);
  }
}

main().catch((e: unknown) => {
  console.error(`new-migration: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
