import "server-only";
// Only one fallback poll of a scope at a time across every Onramp process (issue #5): a Postgres session
// advisory lock held on a connection of its own for the length of the poll. The scheduled poll of every
// customer and a customer's own "Check with LinkedIn now" take different locks (issue 11 item 4): one
// customer's check must never make the scheduled poll skip everyone else. If the process dies, the
// connection closes and Postgres releases the lock, so a crash never blocks the next poll.
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/** Arbitrary, fixed: "onramp poll" — distinct from the migration runner's key. */
export const POLL_LOCK_KEY = 0x6f6e_706c;

export interface HeldLock {
  release(): Promise<void>;
}

/** The advisory lock key of a poll's scope: the fixed key for all customers, a hash of the name for one. */
function lockKeySql(scope: { customerId?: string | null }): { sql: string; values: unknown[] } {
  return scope.customerId
    ? { sql: "hashtextextended($1, 0)", values: [`onramp:poll:customer:${scope.customerId}`] }
    : { sql: "$1::bigint", values: [POLL_LOCK_KEY] };
}

/** The lock of this scope (all customers, or one), or null when another poll of the same scope holds it. Never waits. */
export async function tryPollLock(
  scope: { customerId?: string | null } = {},
  databaseUrl: string = env().DATABASE_URL,
): Promise<HeldLock | null> {
  const key = lockKeySql(scope);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "onramp-poll-lock" });
  // An idle connection that breaks (database restart) is reported here rather than crashing the process.
  client.on("error", (err) => logger().warn({ err }, "poll lock connection failed; the lock is gone with it"));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${key.sql}) AS locked`,
      key.values,
    );
    if (!rows[0]?.locked) {
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
        await client.query(`SELECT pg_advisory_unlock(${key.sql})`, key.values);
      } finally {
        await client.end();
      }
    },
  };
}
