// Sliding-window limits (issue 11): what counts is the events of the last window, wherever the clock is.
// Events are backdated by minutes, so no assertion depends on how long the test takes.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "./sliding-window";

afterAll(disconnectDb);

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

async function eventsAt(key: string, times: Date[]): Promise<void> {
  await db.rateLimitHit.createMany({ data: times.map((at) => ({ key, at })) });
}

describe("sliding-window rate limits", () => {
  it("counts the events of the last window: 4 from 14 minutes ago leave room for 1, then none", async () => {
    const key = `test:${randomUUID()}`;
    await eventsAt(key, [ago(14 * MINUTE), ago(13 * MINUTE), ago(2 * MINUTE), ago(MINUTE)]);
    const fifth = await hitRateLimit(key, 5, WINDOW);
    expect(fifth).toMatchObject({ allowed: true, count: 5 });
    const sixth = await hitRateLimit(key, 5, WINDOW);
    expect(sixth).toMatchObject({ allowed: false, count: 5 });
    // Room again when the 14-minute-old event leaves the window: in about a minute, not a whole window.
    const wait = sixth.resetAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(MINUTE + 5_000);
    expect(await peekRateLimit(key, 5, WINDOW)).toMatchObject({ allowed: false, count: 5 });
  });

  it("forgets events older than the window, and a refused event is not counted", async () => {
    const key = `test:${randomUUID()}`;
    await eventsAt(
      key,
      Array.from({ length: 5 }, () => ago(16 * MINUTE)),
    );
    expect(await peekRateLimit(key, 5, WINDOW)).toMatchObject({ allowed: true, count: 0 });
    for (let i = 1; i <= 3; i++) expect(await hitRateLimit(key, 3, WINDOW)).toMatchObject({ allowed: true, count: i });
    expect(await hitRateLimit(key, 3, WINDOW)).toMatchObject({ allowed: false, count: 3 });
    expect(await db.rateLimitHit.count({ where: { key } })).toBe(3); // old rows deleted, the refusal not stored
    await clearRateLimit(key);
    expect(await peekRateLimit(key, 3, WINDOW)).toMatchObject({ allowed: true, count: 0 });
  });

  it("holds the limit when many ask at once: 20 at the same moment, 5 allowed", async () => {
    const key = `test:${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, 5, WINDOW)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(5);
    expect(await db.rateLimitHit.count({ where: { key } })).toBe(5);
  });
});
