import "server-only";
// Only one fallback poll at a time across every Onramp process (issue #5): a Postgres session
// advisory lock held on a connection of its own for the length of the poll. If the process dies, the
// connection closes and Postgres releases the lock, so a crash never blocks the next poll.
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/** Arbitrary, fixed: "onramp poll" — distinct from the migration runner's key. */
export const POLL_LOCK_KEY = 0x6f6e_706c;

export interface HeldLock {
  release(): Promise<void>;
}

/** The lock, or null when another poll holds it. Never waits. */
export async function tryPollLock(databaseUrl: string = env().DATABASE_URL): Promise<HeldLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "onramp-poll-lock" });
  // An idle connection that breaks (database restart) is reported here rather than crashing the process.
  client.on("error", (err) => logger().warn({ err }, "poll lock connection failed; the lock is gone with it"));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [POLL_LOCK_KEY]);
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
        await client.query("SELECT pg_advisory_unlock($1)", [POLL_LOCK_KEY]);
      } finally {
        await client.end();
      }
    },
  };
}
