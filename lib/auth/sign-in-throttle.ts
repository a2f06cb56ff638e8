import "server-only";
// Sign-in throttling (issue 11 item 6), as OWASP's Authentication Cheat Sheet advises: only FAILED attempts count,
// per account and source together and per source alone, so a stranger's failures never lock the real user out
// (their source has its own counter) and a successful sign-in is never counted. Counters live in Postgres
// (lib/rate-limit/sliding-window.ts), so the limits hold across every Onramp process. The source is the client's
// address as Onramp's server saw it (lib/http/request-source.ts).
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/rate-limit/sliding-window";

/** Failed sign-ins per (email, source) per window: enough for a person's typos, far too few to guess a password. */
export const ACCOUNT_SOURCE_FAILURE_LIMIT = 10;
/** Failed sign-ins per source alone per window, across all emails (password spraying from one address). */
export const SOURCE_FAILURE_LIMIT = 100;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

const accountSourceKey = (email: string, source: string) => `sign-in-failures:${JSON.stringify([email, source])}`;
const sourceKey = (source: string) => `sign-in-failures-source:${source}`;

/** Whether this (email, source) may try a password now; checked before the password is verified. */
export async function signInAllowed(email: string, source: string): Promise<boolean> {
  const [pair, alone] = await Promise.all([
    peekRateLimit(accountSourceKey(email, source), ACCOUNT_SOURCE_FAILURE_LIMIT, FAILURE_WINDOW_MS),
    peekRateLimit(sourceKey(source), SOURCE_FAILURE_LIMIT, FAILURE_WINDOW_MS),
  ]);
  return pair.allowed && alone.allowed;
}

/** Counts a failed sign-in (wrong password, unknown email, disabled user) against both limits. */
export async function recordSignInFailure(email: string, source: string): Promise<void> {
  await hitRateLimit(accountSourceKey(email, source), ACCOUNT_SOURCE_FAILURE_LIMIT, FAILURE_WINDOW_MS);
  await hitRateLimit(sourceKey(source), SOURCE_FAILURE_LIMIT, FAILURE_WINDOW_MS);
}

/** The right password from this source: its own (email, source) failures are forgotten; the source's stay. */
export function recordSignInSuccess(email: string, source: string): Promise<void> {
  return clearRateLimit(accountSourceKey(email, source));
}
