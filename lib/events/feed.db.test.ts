// The event feed (issue 12): every event once, in order, across pages, with a cursor that survives new
// events arriving, and never skips an event whose transaction commits after a later one's.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { eventually } from "@/test/eventually";
import { emitEvent } from "./emit";
import { feedPosition, readFeed } from "./feed";

afterAll(async () => {
  await disconnectDb();
});

const emit = (customerId: string, n: number) =>
  db.$transaction((tx) => emitEvent(tx, { type: "linkedin.push", customerId, data: { n } }));

/** Reads every page from `after` on; answers the events' n values and the last cursor. */
async function drain(customerId: string, after?: string, limit = 2) {
  const seen: number[] = [];
  let cursor = after;
  for (;;) {
    const page = await readFeed({ cursor, customerId, limit });
    seen.push(...page.events.map((e) => Number(e.data.n)));
    cursor = page.nextCursor;
    if (!page.hasMore) return { seen, cursor };
  }
}

/**
 * Reads on from `after` until `count` events came. Another test's open write transaction holds the feed
 * back (by design), so the events may take a few reads to show.
 */
async function drainUntil(customerId: string, count: number, after?: string) {
  const seen: number[] = [];
  let cursor = after;
  return eventually(`${count} feed events`, async () => {
    const page = await drain(customerId, cursor);
    seen.push(...page.seen);
    cursor = page.cursor;
    return seen.length >= count ? { seen, cursor } : null;
  });
}

describe("event feed", () => {
  it("returns every event once, in order, across pages; the cursor survives new events", async () => {
    const customerId = `feed-${randomUUID()}`;
    for (let n = 1; n <= 5; n += 1) await emit(customerId, n);
    const first = await drainUntil(customerId, 5);
    expect(first.seen).toEqual([1, 2, 3, 4, 5]);
    for (let n = 6; n <= 8; n += 1) await emit(customerId, n);
    const second = await drainUntil(customerId, 3, first.cursor);
    expect(second.seen).toEqual([6, 7, 8]);
    expect((await drain(customerId, second.cursor)).seen).toEqual([]);
  });

  it("filters by type and refuses a cursor it did not hand out", async () => {
    const customerId = `feed-${randomUUID()}`;
    await db.$transaction((tx) => emitEvent(tx, { type: "customer.keys_refused", customerId, data: { n: 1 } }));
    await emit(customerId, 2);
    await drainUntil(customerId, 2);
    const page = await readFeed({ customerId, types: ["customer.keys_refused"], limit: 10 });
    expect(page.events.map((e) => e.type)).toEqual(["customer.keys_refused"]);
    expect(() => feedPosition("not-a-cursor")).toThrow(/not one Onramp handed out/);
  });

  it("an event committed after a later-numbered one is not skipped by a cursor handed out meanwhile", async () => {
    const customerId = `feed-${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wroteSlow = new Promise<void>((r) => (written = r));
    // The slow transaction takes its event id first, then stays open.
    const slow = db.$transaction(
      async (tx) => {
        await emitEvent(tx, { type: "linkedin.push", customerId, data: { n: 1 } });
        written();
        await gate;
      },
      { timeout: 20_000 },
    );
    await wroteSlow;
    await emit(customerId, 2); // a higher id, committed first
    const during = await drain(customerId);
    expect(during.seen).toEqual([]); // held back while an older transaction is in flight
    release();
    await slow;
    const after = await drainUntil(customerId, 2, during.cursor);
    expect(after.seen).toEqual([1, 2]);
  });
});
