// Retry timing for LinkedIn calls (C26). Pure, so the arithmetic is unit-tested without waiting.

/** Upper bound of one exponential step, so a long run of attempts never sleeps for minutes. */
export const MAX_BACKOFF_MS = 30_000;
/**
 * A Retry-After longer than this is not waited out inside a request (a job would hold a worker for
 * hours when the daily limit is spent, C26): the call stops and reports when to try again.
 */
export const MAX_IN_PROCESS_WAIT_MS = 60_000;

/**
 * "Full jitter": a uniform delay in [0, min(cap, base·2^(attempt-1))]. `attempt` is the attempt that
 * just failed (1-based). `random` returns [0, 1).
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a Retry-After header: delta-seconds ("120") or an HTTP date. Answers milliseconds from `now`
 * (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date = new Date()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** The delay before the next attempt: Retry-After when LinkedIn gave one, else jittered backoff. */
export function nextDelayMs(opts: {
  attempt: number;
  baseMs: number;
  retryAfterMs?: number;
  random?: () => number;
}): number {
  const jitter = backoffDelayMs(opts.attempt, opts.baseMs, opts.random);
  return opts.retryAfterMs === undefined ? jitter : Math.max(opts.retryAfterMs, jitter);
}

/** Midnight UTC after `now`: when LinkedIn's daily limits reset (C26). */
export function nextUtcMidnight(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** "YYYY-MM-DD" of `now` in UTC: the day a call is counted on (C26). */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
