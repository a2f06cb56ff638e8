import "server-only";
// Fixed-window counters in Postgres, so a limit holds across every Onramp process (docs/ARCHITECTURE.md, "Cross-process correctness":
// nothing that must hold across requests lives only in process memory).
import { db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; limit: number; resetAt: Date };

export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  return { allowed: count <= limit, count, limit, resetAt: new Date(windowStart.getTime() + windowMs) };
}

/** The current window's count for a key, without counting this look (for limits that count only failures). */
export async function peekRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const row = await db.rateLimitCounter.findUnique({ where: { key_windowStart: { key, windowStart } } });
  const count = row?.count ?? 0;
  return { allowed: count < limit, count, limit, resetAt: new Date(windowStart.getTime() + windowMs) };
}

/** Forgets every window of a key (e.g. an account's failed sign-ins once the right password is given). */
export async function clearRateLimit(key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}
