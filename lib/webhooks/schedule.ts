// When a failed webhook delivery is tried again (issue 12): Standard Webhooks' suggested schedule, about
// 27 hours from the first attempt to the last. Pure.

/** Delay before attempt n+1 after attempt n failed (index n-1); past the end the delivery is FAILED. */
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
] as const;

/** The time of the next attempt after `attempts` failed ones, or null when there is none left. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
