import "server-only";
// Sign-in throttling (issue 11 item 6, issue 20 point 2; OWASP Authentication Cheat Sheet). Every attempt is
// counted as a failure BEFORE its password is checked, in one transaction under the account's and the source's
// locks (reserveSignInAttempt), so fifty guesses at once are fifty counted attempts, not fifty that each saw an
// empty counter. A success takes its reservation back (signInSucceeded). Three counters, in RateLimitHit
// (lib/rate-limit/sliding-window.ts, so they hold across every Onramp process):
//   - per (email, source): ACCOUNT_SOURCE failures per window — a person's typos, far too few to guess;
//   - per source, across emails: SOURCE failures per window — spraying one password over many accounts;
//   - per account, from every source: after ACCOUNT_FREE failures each further attempt waits for a block that
//     doubles with every failure (capped), so guessing from many addresses stays slow — except from a source
//     that signed in to this account lately (KnownSignInSource): the owner keeps the per-(email, source)
//     allowance of their usual source while strangers' guesses block everyone else.
// Unknown emails go through exactly the same counters, so neither the answer nor its timing tells whether an
// account exists. Chosen over rate-limiter-flexible (fixed windows, a table of its own outside our migrations, and
// no reserve-then-release nor known-source rule): see the commit message.
import { createHmac } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addressBlock } from "@/lib/http/client-address";
import { UNKNOWN_SOURCE } from "@/lib/http/request-source";
import {
  clearRateLimit,
  countRateLimitEvent,
  lockRateLimitKey,
  rateLimitWindow,
  releaseRateLimitEvents,
  roomAgainAt,
  type WindowState,
} from "@/lib/rate-limit/sliding-window";

const MINUTE = 60_000;
export const SIGN_IN_LIMITS = {
  /** Window of the per-(email, source) and per-source counts. */
  windowMs: 15 * MINUTE,
  /** Failures per (email, source) per window. The owner's known source gets exactly this, whatever else happens. */
  accountSource: 10,
  /** Failures per source across every email per window. */
  source: 100,
  /** Failures per account (every source) within accountWindowMs before further attempts must wait. */
  accountFree: 5,
  accountWindowMs: 60 * MINUTE,
  /** The first wait after accountFree failures; doubles with each further failure, up to blockCapMs. */
  blockBaseMs: MINUTE,
  blockCapMs: 15 * MINUTE,
  /** A source the person signed in from within this many days is theirs (known). */
  knownSourceDays: 90,
} as const;

/** An attempt counted as a failure until signInSucceeded takes it back. */
export type SignInReservation = { email: string; source: string; events: { account: bigint; source: bigint } };
export type SignInGate = { allowed: true; reservation: SignInReservation } | { allowed: false; retryAt: Date };

// Key names of issue 11 kept for the two older counters, so counts survive the upgrade.
const accountSourceKey = (email: string, source: string) => `sign-in-failures:${JSON.stringify([email, source])}`;
const sourceKey = (source: string) => `sign-in-failures-source:${source}`;
const accountKey = (email: string) => `sign-in-failures-account:${email}`;

/** The source as stored in KnownSignInSource: an HMAC, so the table holds no address. */
function sourceHash(source: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`sign-in-source\0${source}`).digest("hex");
}

/** Until when the account's failures make an attempt from a source that is not the owner's wait; null: no wait. */
export function accountBlockedUntil(account: WindowState): Date | null {
  const { accountFree, blockBaseMs, blockCapMs } = SIGN_IN_LIMITS;
  if (account.count < accountFree || !account.newest) return null;
  const block = Math.min(blockBaseMs * 2 ** (account.count - accountFree), blockCapMs);
  const until = new Date(account.newest.getTime() + block);
  return until > account.now ? until : null;
}

/**
 * Reserves one attempt of `email` from `source` (the client's address, lib/http/request-source.ts): counted as a
 * failure now, before any password is checked; refused, uncounted and with the time it may be tried again, when
 * a limit is reached. IPv6 sources count per /64.
 */
export async function reserveSignInAttempt(email: string, address: string): Promise<SignInGate> {
  const source = addressBlock(address);
  const { windowMs, accountWindowMs, accountSource, source: sourceLimit, knownSourceDays } = SIGN_IN_LIMITS;
  return db.$transaction(async (tx) => {
    // Always account, then source: two attempts never wait on each other's locks in opposite orders.
    await lockRateLimitKey(tx, accountKey(email));
    await lockRateLimitKey(tx, sourceKey(source));
    const alone = await rateLimitWindow(tx, sourceKey(source), windowMs);
    if (alone.count >= sourceLimit) return { allowed: false, retryAt: roomAgainAt(alone, windowMs) };
    const pair = await rateLimitWindow(tx, accountSourceKey(email, source), windowMs);
    if (pair.count >= accountSource) return { allowed: false, retryAt: roomAgainAt(pair, windowMs) };
    const account = await rateLimitWindow(tx, accountKey(email), accountWindowMs);
    const blockedUntil = accountBlockedUntil(account);
    if (blockedUntil) {
      // The shared unknown source is never anyone's own (lib/http/request-source.ts).
      const known =
        source !== UNKNOWN_SOURCE &&
        (await tx.knownSignInSource.count({
          where: {
            user: { email },
            sourceHash: sourceHash(source),
            lastSignInAt: { gt: new Date(account.now.getTime() - knownSourceDays * 24 * 60 * MINUTE) },
          },
        })) > 0;
      if (!known) return { allowed: false, retryAt: blockedUntil };
    }
    await countRateLimitEvent(tx, accountSourceKey(email, source));
    const events = {
      account: await countRateLimitEvent(tx, accountKey(email)),
      source: await countRateLimitEvent(tx, sourceKey(source)),
    };
    return { allowed: true, reservation: { email, source, events } };
  });
}

/**
 * The reserved attempt gave the right password: it was no failure. Its account and source events are taken back,
 * the (email, source) pair's failures are forgotten, and the source becomes (stays) one of the person's own.
 */
export async function signInSucceeded(reservation: SignInReservation, userId: string): Promise<void> {
  const { email, source, events } = reservation;
  const horizon = new Date(Date.now() - SIGN_IN_LIMITS.knownSourceDays * 24 * 60 * MINUTE);
  await db.$transaction(async (tx) => {
    await releaseRateLimitEvents([events.account, events.source], tx);
    await clearRateLimit(accountSourceKey(email, source), tx);
    if (source === UNKNOWN_SOURCE) return;
    const hash = sourceHash(source);
    await tx.knownSignInSource.upsert({
      where: { userId_sourceHash: { userId, sourceHash: hash } },
      create: { userId, sourceHash: hash, lastSignInAt: new Date() },
      update: { lastSignInAt: new Date() },
    });
    await tx.knownSignInSource.deleteMany({ where: { userId, lastSignInAt: { lt: horizon } } });
  });
}
