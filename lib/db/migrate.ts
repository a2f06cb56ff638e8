// Onramp's migration runner: applies prisma/migrations with plain node-postgres, because Prisma's
// schema-engine binary cannot be downloaded on every machine. It keeps the books exactly as Prisma
// Migrate does (_prisma_migrations, same DDL, same checksum, same advisory lock key), so that
// `prisma migrate deploy` and `prisma migrate status` work on a database this runner migrated, and back.
// No "server-only" and no lib/env here: the launcher, scripts/migrate.ts and the test harness call it
// with a URL.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { waitForAdvisoryLock } from "./advisory-lock";
import { withPgClient } from "./pg-session";
import { checksumMatches, DEFAULT_MIGRATIONS_DIR, readMigrationsFolder, type MigrationFile } from "./migrations/folder";

/** The key Prisma Migrate locks with, so this runner and `prisma migrate deploy` also exclude each other. */
export const MIGRATION_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's own DDL for its history table (sql-schema-connector, postgres flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  databaseUrl: string;
  /** Defaults to prisma/migrations of this repository. */
  migrationsDir?: string;
  log?: (message: string) => void;
  /** How long to wait for another instance that is migrating; default 5 minutes. */
  lockTimeoutMs?: number;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Reasons the runner refuses to migrate; empty when it may go on. */
  problems: string[];
}

/** Refusal to migrate: the history in the database and the migrations folder disagree. */
export class MigrationRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Onramp refuses to migrate the database:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "MigrationRefusedError";
  }
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
}

async function readHistory(client: pg.Client): Promise<HistoryRow[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const result = await client.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, started_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return result.rows;
}

/** Compares the recorded history with the folder, the way `prisma migrate deploy` judges it. */
export function judgeHistory(history: HistoryRow[], folder: MigrationFile[]): MigrationStatus {
  const problems: string[] = [];
  const byName = new Map(folder.map((m) => [m.name, m]));
  const appliedRows = new Map<string, HistoryRow>();
  for (const row of history) {
    if (row.rolled_back_at) continue; // rolled back: Prisma applies it again
    if (!row.finished_at) {
      problems.push(
        `The migration ${row.migration_name} started at ${row.started_at.toISOString()} failed and is recorded as failed ` +
          `in _prisma_migrations. Fix the database by hand, then mark it with ` +
          `\`prisma migrate resolve --rolled-back ${row.migration_name}\` (or --applied).`,
      );
      continue;
    }
    appliedRows.set(row.migration_name, row);
  }
  for (const [name, row] of appliedRows) {
    const file = byName.get(name);
    if (!file) {
      problems.push(
        `The migration ${name} is applied to the database but missing from the migrations folder. ` +
          `Restore its folder (this build may be older than the database).`,
      );
    } else if (!checksumMatches(row.checksum, file)) {
      problems.push(
        `The migration ${name} was modified after it was applied (checksum ${row.checksum} recorded, ` +
          `${file.checksum} on disk): create a new migration instead of editing an applied one.`,
      );
    }
  }
  return {
    applied: folder.filter((m) => appliedRows.has(m.name)).map((m) => m.name),
    pending: folder.filter((m) => !appliedRows.has(m.name)).map((m) => m.name),
    problems,
  };
}

function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(databaseUrl, "onramp-migrate", run);
}

/** What is applied and pending, and what would make migrate() refuse; changes nothing. */
export async function migrationStatus(
  options: Omit<MigrateOptions, "log" | "lockTimeoutMs">,
): Promise<MigrationStatus> {
  const folder = readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withClient(options.databaseUrl, async (client) => judgeHistory(await readHistory(client), folder));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // Simple-query protocol (no parameters): the file may hold many statements.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The migration ${migration.name} failed and was rolled back (nothing of it is applied): ${reason}`,
      { cause: error },
    );
  }
}

/**
 * Applies every pending migration in name order, each in its own transaction, while holding the
 * migration advisory lock: a second instance starting at the same time waits, then finds nothing to do.
 * Returns the names applied by this call.
 */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const folder = readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  // Held on a session of its own; Prisma Migrate's sessions wait on the same key.
  const lock = await waitForAdvisoryLock(
    { key: MIGRATION_ADVISORY_LOCK_KEY },
    {
      databaseUrl: options.databaseUrl,
      applicationName: "onramp-migrate-lock",
      onConnectionError: (err) => log(`The migration lock's connection failed: ${err.message}`),
      waitMs: options.lockTimeoutMs ?? 300_000,
    },
  );
  try {
    return await withClient(options.databaseUrl, async (client) => {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const status = judgeHistory(await readHistory(client), folder);
      if (status.problems.length > 0) throw new MigrationRefusedError(status.problems);
      const pending = folder.filter((m) => status.pending.includes(m.name));
      if (pending.length === 0) log("Database schema is up to date.");
      for (const migration of pending) {
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration);
      }
      return pending.map((m) => m.name);
    });
  } finally {
    await lock.release();
  }
}
