// The one PostgreSQL advisory-lock helper (issue #13, issue 21 point 4), for every "only one of these at a time
// across every Onramp process", and the one hashing of a lock's name into a key. Two scopes:
// - a session lock on a connection of its own (the migration runner, the fallback poll, one customer's syncs): if
//   the process dies, the connection closes and PostgreSQL releases the lock, so a crash never blocks the next holder;
// - a transaction lock (lockInTransaction: bulk rotation, provisioning, operators' count, rate limits, a tuple's
//   holders), released when the caller's transaction commits or rolls back.
// No other module writes pg_advisory_* (lib/db/advisory-lock.db.test.ts checks). No "server-only" and no lib/env:
// the migration runner (scripts, test harness) uses it with a URL.
import pg from "pg";

/**
 * The one hashing of a lock name: PostgreSQL's 64-bit text hash with seed 0, so a name means the same lock in both
 * scopes and in every process. Changing it moves every named lock; instances on the old and new hash would not exclude
 * each other, so never change it in a rolling deploy.
 */
export const LOCK_NAME_HASH = "hashtextextended($1, 0)";

/** A lock named by text (hashed by PostgreSQL) or by a fixed number (e.g. the key Prisma Migrate uses). */
export type LockKey = { name: string } | { key: number };

export interface HeldLock {
  /** Releases the lock and closes its connection; a second call does nothing. */
  release(): Promise<void>;
}

function keySql(key: LockKey): { sql: string; values: unknown[] } {
  return "name" in key ? { sql: LOCK_NAME_HASH, values: [key.name] } : { sql: "$1::bigint", values: [key.key] };
}

export type LockOptions = {
  databaseUrl: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** An idle lock connection that breaks (a database restart) is reported here rather than crashing the process. */
  onConnectionError: (err: Error) => void;
};

/**
 * Opens the lock's own connection and runs `take` on it; answers the held lock, or null (connection
 * closed) when `take` says the lock was not taken.
 */
async function lockOnOwnConnection(
  key: LockKey,
  options: LockOptions,
  take: (client: pg.Client, k: { sql: string; values: unknown[] }) => Promise<boolean>,
): Promise<HeldLock | null> {
  const k = keySql(key);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: options.applicationName });
  client.on("error", options.onConnectionError);
  await client.connect();
  try {
    if (!(await take(client, k))) {
      await client.end();
      return null;
    }
  } catch (err) {
    await client.end();
    throw err;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Closing the session releases the lock even if the unlock statement itself fails.
      try {
        await client.query(`SELECT pg_advisory_unlock(${k.sql})`, k.values);
      } finally {
        await client.end();
      }
    },
  };
}

/** Takes the lock, or answers null at once when another session holds it. */
export function tryAdvisoryLock(key: LockKey, options: LockOptions): Promise<HeldLock | null> {
  return lockOnOwnConnection(key, options, async (client, k) => {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${k.sql}) AS locked`,
      k.values,
    );
    return rows[0]?.locked === true;
  });
}

/** Waits up to `waitMs` for the lock; PostgreSQL's lock_timeout error when another session keeps it longer. */
export async function waitForAdvisoryLock(key: LockKey, options: LockOptions & { waitMs: number }): Promise<HeldLock> {
  const lock = await lockOnOwnConnection(key, options, async (client, k) => {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(options.waitMs))}`);
    await client.query(`SELECT pg_advisory_lock(${k.sql})`, k.values);
    await client.query("SET lock_timeout = 0");
    return true;
  });
  if (!lock) throw new Error("unreachable: a waiting lock is taken or throws");
  return lock;
}

/** Runs `fn` holding the lock; `{ acquired: false }` at once when another session holds it. */
export async function withAdvisoryLock<T>(
  key: LockKey,
  options: LockOptions,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const lock = await tryAdvisoryLock(key, options);
  if (!lock) return { acquired: false };
  try {
    return { acquired: true, value: await fn() };
  } finally {
    await lock.release();
  }
}

/** What a transaction-scoped lock needs of a transaction; Prisma's TransactionClient is one. */
export interface LockingTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/**
 * Takes the lock named `name` until transaction `tx` ends (commit or rollback), waiting while another transaction or
 * session holds it. A transaction that takes several locks must take them in one fixed order everywhere.
 */
export async function lockInTransaction(tx: LockingTransaction, name: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_NAME_HASH})`, name);
}
