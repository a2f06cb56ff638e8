import "server-only";
// Sliding-window rate limits in Postgres, so a limit holds across every Onramp process (docs/ARCHITECTURE.md,
// "Cross-process correctness": nothing that must hold across requests lives only in process memory). One row
// per counted event ("RateLimitHit"): "at most `limit` in the last `windowMs`" holds at every instant, with no
// window edge that lets twice the limit through or forgets an attack half-way. Times are the database's
// (UTC, as Prisma stores them), so instances with skewed clocks agree.
import { lockInTransaction } from "@/lib/db/advisory-lock";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; limit: number; resetAt: Date };
type Tx = Prisma.TransactionClient;

/** The database's now in UTC, as Prisma writes DateTime columns. */
const NOW = `(now() AT TIME ZONE 'UTC')`;
const SINCE = `${NOW} - make_interval(secs => $2::double precision / 1000)`;

/** A key's counted events in the window: how many, the oldest and newest, and the database's now. */
export type WindowState = { count: number; oldest: Date | null; newest: Date | null; now: Date };

/** When the window has room again: as its oldest counted event leaves it (now, if nothing is counted). */
export function roomAgainAt(w: WindowState, windowMs: number): Date {
  return w.oldest ? new Date(w.oldest.getTime() + windowMs) : w.now;
}

function result(w: WindowState, limit: number, windowMs: number, allowed: boolean): RateLimitResult {
  return { allowed, count: w.count, limit, resetAt: roomAgainAt(w, windowMs) };
}

/**
 * Takes `key`'s transaction lock, so that reading its window and counting an event are one step across processes.
 * A transaction that locks several keys must lock them in one fixed order everywhere (no deadlock).
 */
export async function lockRateLimitKey(tx: Tx, key: string): Promise<void> {
  await lockInTransaction(tx, `rate-limit:${key}`);
}

/** `key`'s events of the last `windowMs`; the ones that left it are deleted (rows stay bounded). Under the key's lock. */
export async function rateLimitWindow(tx: Tx, key: string, windowMs: number): Promise<WindowState> {
  await tx.$executeRawUnsafe(`DELETE FROM "RateLimitHit" WHERE "key" = $1 AND "at" <= ${SINCE}`, key, windowMs);
  const [w] = await tx.$queryRawUnsafe<WindowState[]>(
    `SELECT count(*)::int AS count, min("at") AS oldest, max("at") AS newest, ${NOW} AS now
       FROM "RateLimitHit" WHERE "key" = $1`,
    key,
  );
  if (!w) throw new Error("unreachable: an aggregate answers one row");
  return w;
}

/** Counts one event for `key` now (under its lock); answers the event's id, for releaseRateLimitEvents. */
export async function countRateLimitEvent(tx: Tx, key: string): Promise<bigint> {
  const [row] = await tx.$queryRawUnsafe<{ id: bigint }[]>(
    `INSERT INTO "RateLimitHit" ("key", "at") VALUES ($1, ${NOW}) RETURNING "id"`,
    key,
  );
  if (!row) throw new Error("unreachable: INSERT … RETURNING answers its row");
  return row.id;
}

/** Takes back counted events (an attempt reserved as a failure that turned out not to be one). */
export async function releaseRateLimitEvents(ids: readonly bigint[], tx: Tx | typeof db = db): Promise<void> {
  if (ids.length) await tx.rateLimitHit.deleteMany({ where: { id: { in: [...ids] } } });
}

/**
 * Counts one event for `key` when fewer than `limit` are in the window, and answers whether it was allowed.
 * A refused event is not counted, so a caller who waits gets room back as old events leave the window. The
 * key's transaction lock makes check and count one step across processes (never limit + 1 at once).
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  return db.$transaction(async (tx) => {
    await lockRateLimitKey(tx, key);
    const w = await rateLimitWindow(tx, key, windowMs);
    if (w.count >= limit) return result(w, limit, windowMs, false);
    await countRateLimitEvent(tx, key);
    return result({ ...w, count: w.count + 1, oldest: w.oldest ?? w.now }, limit, windowMs, true);
  });
}

/** How many events for `key` are in the window now, without counting this look (limits that count failures only). */
export async function peekRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const [w] = await db.$queryRawUnsafe<WindowState[]>(
    `SELECT count(*)::int AS count, min("at") AS oldest, max("at") AS newest, ${NOW} AS now FROM "RateLimitHit" WHERE "key" = $1 AND "at" > ${SINCE}`,
    key,
    windowMs,
  );
  if (!w) throw new Error("unreachable: an aggregate answers one row");
  return result(w, limit, windowMs, w.count < limit);
}

/** Forgets every counted event of a key (e.g. an account's failed sign-ins once the right password is given). */
export async function clearRateLimit(key: string, tx: Tx | typeof db = db): Promise<void> {
  await tx.rateLimitHit.deleteMany({ where: { key } });
}
