import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { resetEnvCache, setProcessEnv } from "@/lib/env";
import { checkHealth } from "./check";

describe("readiness (GET /api/health)", () => {
  afterAll(disconnectDb);

  it("is ok on a migrated database", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "ok", migrations: "ok" });
  });

  it("is unavailable when a migration this build ships was never applied (no row at all)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "onramp-migrations-"));
    cpSync("prisma/migrations", dir, { recursive: true });
    mkdirSync(join(dir, "99991231000000_never_applied"));
    writeFileSync(join(dir, "99991231000000_never_applied", "migration.sql"), "SELECT 1;\n");
    expect(await checkHealth({ migrationsDir: dir })).toEqual({
      status: "unavailable",
      database: "ok",
      migrations: "pending",
    });
  });

  it("is unavailable, without details, when the database can not be reached", async () => {
    const original = process.env.DATABASE_URL;
    await disconnectDb();
    setProcessEnv({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    try {
      expect(await checkHealth()).toEqual({ status: "unavailable", database: "unreachable", migrations: "unknown" });
    } finally {
      await disconnectDb();
      setProcessEnv({ DATABASE_URL: original });
      resetEnvCache();
    }
  });
});
