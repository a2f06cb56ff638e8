import "server-only";
// Only one fallback poll of a scope at a time across every Onramp process (issue #5), with the one
// advisory-lock helper (lib/db/advisory-lock.ts), held for the length of the poll. The scheduled poll of
// every customer and a customer's own "Check with LinkedIn now" take different locks (issue 11 item 4):
// one customer's check must never make the scheduled poll skip everyone else.
import { type HeldLock, type LockKey, tryAdvisoryLock } from "@/lib/db/advisory-lock";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type { HeldLock };

/** Arbitrary, fixed: "onramp poll" — distinct from the migration runner's key. */
export const POLL_LOCK_KEY = 0x6f6e_706c;

/** The lock of a poll's scope: the fixed key for all customers, a hashed name for one. */
function pollLockKey(scope: { customerId?: string | null }): LockKey {
  return scope.customerId ? { name: `onramp:poll:customer:${scope.customerId}` } : { key: POLL_LOCK_KEY };
}

/** The lock of this scope (all customers, or one), or null when another poll of the same scope holds it. Never waits. */
export function tryPollLock(
  scope: { customerId?: string | null } = {},
  databaseUrl: string = env().DATABASE_URL,
): Promise<HeldLock | null> {
  return tryAdvisoryLock(pollLockKey(scope), {
    databaseUrl,
    applicationName: "onramp-poll-lock",
    onConnectionError: (err) => logger().warn({ err }, "poll lock connection failed; the lock is gone with it"),
  });
}
