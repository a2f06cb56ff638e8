// Once per `vitest run`: a FRESH database (onramp_test_<timestamp>_<random>) on the server of
// TEST_DATABASE_URL, or on an embedded PostgreSQL when it is unset; migrated with lib/db/migrate.ts;
// dropped at the end. Workers receive its URL and generated secrets through provide/inject.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { launcherEnv } from "@/lib/env";
import { createDatabaseIfMissing, databaseUrlWithName, dropDatabase } from "@/lib/db/databases";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { isSafeError } from "@/lib/errors/safe-error";
import { migrate } from "@/lib/db/migrate";
import "./provided";

const PREFIX = "onramp_test_";
/** Databases of runs that crashed before their teardown are dropped once they are this old. */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

async function dropAbandonedDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let names: string[];
  try {
    const result = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${PREFIX}%`,
    ]);
    names = result.rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (const name of names) {
    const startedAt = Number(name.slice(PREFIX.length).split("_")[0]);
    if (Number.isFinite(startedAt) && Date.now() - startedAt > ABANDONED_AFTER_MS) await dropDatabase(serverUrl, name);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = launcherEnv().TEST_DATABASE_URL;
  let serverUrl: string;
  let stopServer = async () => {};
  if (configured) {
    serverUrl = configured;
  } else {
    const running = await startEmbeddedPostgres({ temporary: true, database: "postgres" }).catch((error: unknown) => {
      // Where the embedded server cannot run here, the one sentence saying what to do, not vitest's stack dump.
      if (!isSafeError(error)) throw error;
      console.error(`\n[test] ${error.message}\n`);
      process.exit(1);
    });
    serverUrl = running.serverUrl;
    stopServer = () => running.stop();
  }

  await dropAbandonedDatabases(serverUrl);
  const database = `${PREFIX}${Date.now()}_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(serverUrl, database);
  const databaseUrl = databaseUrlWithName(serverUrl, database);
  await migrate({ databaseUrl });

  project.provide("onrampTestServerUrl", serverUrl);
  project.provide("onrampTestEnv", {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    ONRAMP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ONRAMP_ENCRYPTION_KEY_ID: "test",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: "http://localhost:3000",
    PUBLIC_URL: "http://localhost:3000",
    // Issue 20: webhook tests deliver to receivers on this machine; lib/egress's own tests use policies of their
    // own, and lib/webhooks/egress.db.test.ts turns it off for its process.
    OUTBOUND_ALLOW_PRIVATE_NETWORK: "true",
    LOG_LEVEL: "silent",
  });

  return async () => {
    await dropDatabase(serverUrl, database);
    await stopServer();
  };
}
