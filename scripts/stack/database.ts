// A fresh database per test run (issue #2): created on the server of TEST_DATABASE_URL, or on an
// embedded PostgreSQL when none is given, and dropped afterwards.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The server to create test databases on: TEST_DATABASE_URL, else a throwaway embedded one. */
export async function testDatabaseServer(testDatabaseUrl: string | undefined): Promise<{ url: string; stop: () => Promise<void> }> {
  if (testDatabaseUrl) return { url: testDatabaseUrl, stop: async () => {} };
  const pgServer = await startEmbeddedPostgres({ dataDir: join(mkdtempSync(join(tmpdir(), "onramp-test-")), "pg") });
  return { url: pgServer.url, stop: () => pgServer.stop() };
}
