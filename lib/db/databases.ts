// Creating and dropping whole databases on a server: used by the embedded launcher (database "onramp")
// and the test harness (one fresh database per run). Plain node-postgres; no "server-only", no lib/env.
import type pg from "pg";
import { withPgClient } from "./pg-session";

/** The same server URL pointing at another database. */
export function databaseUrlWithName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(serverUrl, "onramp-admin", run);
}

/** Creates the database unless it exists; returns true when it created it. */
export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<boolean> {
  return onServer(serverUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      // 42P04 duplicate_database: another process created it between our check and CREATE.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
    return true;
  });
}

/** Drops the database, disconnecting whoever is still connected (PostgreSQL 13+). */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  });
}
