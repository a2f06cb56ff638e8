import "server-only";
// Sliding-window rate limits in Postgres, so a limit holds across every Onramp process (docs/ARCHITECTURE.md,
// "Cross-process correctness": nothing that must hold across requests lives only in process memory). One row
// per counted event ("RateLimitHit"): "at most `limit` in the last `windowMs`" holds at every instant, with no
// window edge that lets twice the limit through or forgets an attack half-way. Times are the database's
// (UTC, as Prisma stores them), so instances with skewed clocks agree.
import { db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; limit: number; resetAt: Date };

/** The database's now in UTC, as Prisma writes DateTime columns. */
const NOW = `(now() AT TIME ZONE 'UTC')`;
const SINCE = `${NOW} - make_interval(secs => $2::double precision / 1000)`;

type Window = { count: number; oldest: Date | null; now: Date };

function result(w: Window, limit: number, windowMs: number, allowed: boolean): RateLimitResult {
  // Room again when the oldest counted event leaves the window (now, if nothing is counted).
  const resetAt = w.oldest ? new Date(w.oldest.getTime() + windowMs) : w.now;
  return { allowed, count: w.count, limit, resetAt };
}

/**
 * Counts one event for `key` when fewer than `limit` are in the window, and answers whether it was allowed.
 * A refused event is not counted, so a caller who waits gets room back as old events leave the window. The
 * key's transaction lock makes check and count one step across processes (never limit + 1 at once).
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate-limit:${key}`}, 0))`;
    // The key's events that left the window are no longer needed: rows stay bounded by the limit.
    await tx.$executeRawUnsafe(`DELETE FROM "RateLimitHit" WHERE "key" = $1 AND "at" <= ${SINCE}`, key, windowMs);
    const [w] = await tx.$queryRawUnsafe<Window[]>(
      `SELECT count(*)::int AS count, min("at") AS oldest, ${NOW} AS now FROM "RateLimitHit" WHERE "key" = $1`,
      key,
    );
    if (!w) throw new Error("unreachable: an aggregate answers one row");
    if (w.count >= limit) return result(w, limit, windowMs, false);
    await tx.$executeRawUnsafe(`INSERT INTO "RateLimitHit" ("key", "at") VALUES ($1, ${NOW})`, key);
    return result({ count: w.count + 1, oldest: w.oldest ?? w.now, now: w.now }, limit, windowMs, true);
  });
}

/** How many events for `key` are in the window now, without counting this look (limits that count failures only). */
export async function peekRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const [w] = await db.$queryRawUnsafe<Window[]>(
    `SELECT count(*)::int AS count, min("at") AS oldest, ${NOW} AS now FROM "RateLimitHit" WHERE "key" = $1 AND "at" > ${SINCE}`,
    key,
    windowMs,
  );
  if (!w) throw new Error("unreachable: an aggregate answers one row");
  return result(w, limit, windowMs, w.count < limit);
}

/** Forgets every counted event of a key (e.g. an account's failed sign-ins once the right password is given). */
export async function clearRateLimit(key: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { key } });
}
