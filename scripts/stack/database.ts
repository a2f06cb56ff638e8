// A fresh database per e2e run (issue #2): created on the server of TEST_DATABASE_URL, or on an
// embedded PostgreSQL when none is given, and dropped afterwards.
import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, databaseUrlWithName, dropDatabase } from "@/lib/db/databases";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await createDatabaseIfMissing(serverUrl, name);
  return { url: databaseUrlWithName(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** The server to create test databases on: TEST_DATABASE_URL, else a throwaway embedded one. */
export async function testDatabaseServer(
  testDatabaseUrl: string | undefined,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (testDatabaseUrl) return { url: testDatabaseUrl, stop: async () => {} };
  const pgServer = await startEmbeddedPostgres({ temporary: true, database: "postgres" });
  return { url: pgServer.serverUrl, stop: () => pgServer.stop() };
}
