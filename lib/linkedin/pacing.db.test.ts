// C13 across processes: the send slot lives in Postgres, so callers with their own database
// connections (two Onramp processes) never send closer than LINKEDIN_BATCH_SPACING_MS, measured from
// the previous call's ANSWER, so a request that leaves late can not squeeze the next one.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { claimSendSlot, type SendSlot } from "./pacing";

// A second Prisma client with its own pool: what another Onramp process would hold.
const otherProcess = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 4 }) });
afterAll(async () => {
  await otherProcess.$disconnect();
  await disconnectDb();
});

type Call = { claimedAt: number; releasedAt: number };

/** Claims, "sends" for `inFlightMs`, releases: one paced LinkedIn call. */
async function pacedCall(clientId: string, spacing: number, inFlightMs: number, client?: PrismaClient): Promise<Call> {
  const slot: SendSlot = await claimSendSlot(clientId, spacing, client ? { client } : {});
  await new Promise((r) => setTimeout(r, inFlightMs)); // the request in flight
  const releasedAt = await slot.release();
  return { claimedAt: slot.claimedAt.getTime(), releasedAt: releasedAt.getTime() };
}

function gapsAfterAnswers(calls: Call[]): number[] {
  const sorted = [...calls].sort((a, b) => a.claimedAt - b.claimedAt);
  return sorted.slice(1).map((c, i) => c.claimedAt - (sorted[i] as Call).releasedAt);
}

describe("pacing (C13, C30)", () => {
  it("two concurrent callers in two processes: the second leaves at least the configured spacing after the first's answer", async () => {
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    expect(spacing).toBe(1000);
    const clientId = `pacing-${randomUUID()}`;
    // The first call is slow to come back (300 ms): the second still waits a full spacing after it.
    const calls = await Promise.all([
      pacedCall(clientId, spacing, 300),
      pacedCall(clientId, spacing, 300, otherProcess),
    ]);
    const [gap] = gapsAfterAnswers(calls);
    expect(gap).toBeGreaterThanOrEqual(spacing);
  });

  it("many concurrent callers from both processes never overlap and keep the spacing", async () => {
    const spacing = 150;
    const clientId = `pacing-${randomUUID()}`;
    const calls = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pacedCall(clientId, spacing, 20, i % 2 === 0 ? undefined : otherProcess)),
    );
    const gaps = gapsAfterAnswers(calls);
    expect(gaps).toHaveLength(7);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(spacing);
  });

  it("the spacing holds as measured on the returned times: one clock reading per release, the next slot rounded up", async () => {
    // Sequential claim/release pairs with a short spacing: the measured gap is the mechanism's, not
    // luck. Before the fix the release's RETURNING read the clock after SET did, and both the stored
    // slot and the returned times were rounded to the nearest millisecond, so gaps of spacing - 1 appeared.
    const spacing = 3;
    const clientId = `pacing-${randomUUID()}`;
    const calls: Call[] = [];
    for (let i = 0; i < 150; i++)
      calls.push(await pacedCall(clientId, spacing, 0, i % 2 === 0 ? undefined : otherProcess));
    const short = gapsAfterAnswers(calls).filter((gap) => gap < spacing);
    expect(short).toEqual([]);
  });

  it("one slot per application for all its calls; another application is not held back", async () => {
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    const a = `pacing-${randomUUID()}`;
    const held = await claimSendSlot(a, spacing);
    const started = Date.now();
    const other = await claimSendSlot(`pacing-${randomUUID()}`, spacing);
    expect(Date.now() - started).toBeLessThan(spacing);
    // A second call of the same application (a look-up while a name batch is in flight) waits for the
    // first's answer and then the spacing: names, configurations and look-ups share the slot (C13, C30).
    const [releasedAt] = await Promise.all([
      new Promise((r) => setTimeout(r, 50)).then(() => held.release()),
      other.release(),
    ]);
    const next = await claimSendSlot(a, spacing, { client: otherProcess });
    expect(next.claimedAt.getTime() - releasedAt.getTime()).toBeGreaterThanOrEqual(spacing);
    await next.release();
  });

  it("a claim whose process died is freed when its lease ends", async () => {
    const clientId = `pacing-${randomUUID()}`;
    const abandoned = await claimSendSlot(clientId, 1000, { leaseMs: 300 }); // never released
    const next = await claimSendSlot(clientId, 1000, { client: otherProcess });
    expect(next.claimedAt.getTime() - abandoned.claimedAt.getTime()).toBeGreaterThanOrEqual(300);
    await next.release();
  });

  it("only the holder releases: a caller whose lease ended can not free the slot its successor holds", async () => {
    const clientId = `pacing-${randomUUID()}`;
    const late = await claimSendSlot(clientId, 1000, { leaseMs: 200 }); // outlives its lease
    const successor = await claimSendSlot(clientId, 1000, { client: otherProcess });
    const [before] = await otherProcess.$queryRaw<
      { at: string }[]
    >`SELECT "nextSlotAt"::text AS at FROM "LinkedInPacing" WHERE "clientId" = ${clientId}`;
    await late.release(); // the late answer arrives: it must not shorten the successor's lease
    const [after] = await otherProcess.$queryRaw<
      { at: string }[]
    >`SELECT "nextSlotAt"::text AS at FROM "LinkedInPacing" WHERE "clientId" = ${clientId}`;
    expect(after?.at).toBe(before?.at);
    await successor.release();
  });
});
