import "server-only";
// One sync of a kind per customer at a time, across every Onramp process (C13, "nothing synced twice in
// a conflicting way"): two jobs for one customer must never interleave an old name after a new one.
// pg-boss's singletonKey does not guard active jobs on a standard queue, so the guard is a Postgres
// session advisory lock (lib/db/advisory-lock.ts) on a connection of its own: a crashed worker's
// connection dies with it and the lock goes away, so a retried job is never locked out by a dead one.
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `fn` holding the advisory lock named `name`; answers `{acquired: false}` at once when another holder has it. */
export function withSyncLock<T>(name: string, fn: () => Promise<T>): Promise<LockOutcome<T>> {
  return withAdvisoryLock(
    { name },
    {
      databaseUrl: env().DATABASE_URL,
      applicationName: "onramp-sync-lock",
      // A dropped lock connection must not crash the process; the job notices through its own queries.
      onConnectionError: (err) => logger().warn({ err, lock: name }, "sync lock connection failed"),
    },
    fn,
  );
}

/**
 * Runs one sync pass loop under the lock and closes the gap of the lock protocol: a job that found the
 * lock taken exits, trusting the holder to do its work, so the holder looks for work once more AFTER
 * releasing (any refused job was refused before that release, hence after its trigger was committed).
 * Answers null when another job holds the lock and will do the work.
 */
export async function underSyncLock<T>(
  name: string,
  pass: () => Promise<T>,
  hasMoreWork: () => Promise<boolean>,
): Promise<T[] | null> {
  const results: T[] = [];
  for (;;) {
    const outcome = await withSyncLock(name, pass);
    if (!outcome.acquired) return results.length > 0 ? results : null;
    results.push(outcome.value);
    if (!(await hasMoreWork())) return results;
  }
}
