// C13 across processes: send slots are reserved in Postgres, so two callers with their own database
// connections (two Onramp processes) never get slots closer than LINKEDIN_BATCH_SPACING_MS.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { PACED_OPERATIONS } from "./endpoints";
import { reserveSendSlot } from "./pacing";

// A second Prisma client with its own pool: what another Onramp process would hold.
const otherProcess = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 4 }) });
afterAll(async () => {
  await otherProcess.$disconnect();
  await disconnectDb();
});

function gaps(slots: Date[]): number[] {
  const times = slots.map((s) => s.getTime()).sort((a, b) => a - b);
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

describe("pacing (C13, C30)", () => {
  it("two concurrent callers in two processes get slots at least the configured spacing apart", async () => {
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    expect(spacing).toBe(1000);
    const clientId = `pacing-${randomUUID()}`;
    const op = PACED_OPERATIONS.syncIntegrationNames;
    const [a, b] = await Promise.all([reserveSendSlot(clientId, op, spacing), reserveSendSlot(clientId, op, spacing, otherProcess)]);
    expect(gaps([a.slotAt, b.slotAt])[0]).toBeGreaterThanOrEqual(spacing);
    // The later caller is told to wait; the earlier one goes at once.
    expect(Math.max(a.waitMs, b.waitMs)).toBeGreaterThan(spacing - 100);
    expect(Math.min(a.waitMs, b.waitMs)).toBeLessThan(100);
  });

  it("many concurrent reservations from both processes never come closer than the spacing", async () => {
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    const clientId = `pacing-${randomUUID()}`;
    const op = PACED_OPERATIONS.lookupByIds;
    const slots = await Promise.all(
      Array.from({ length: 12 }, (_, i) => reserveSendSlot(clientId, op, spacing, i % 2 === 0 ? undefined : otherProcess)),
    );
    const g = gaps(slots.map((s) => s.slotAt));
    expect(g).toHaveLength(11);
    for (const gap of g) expect(gap).toBeGreaterThanOrEqual(spacing);
  });

  it("paces per application and operation: another application is not held back", async () => {
    const spacing = env().LINKEDIN_BATCH_SPACING_MS;
    const op = PACED_OPERATIONS.syncIntegrationNames;
    const first = await reserveSendSlot(`pacing-${randomUUID()}`, op, spacing);
    const other = await reserveSendSlot(`pacing-${randomUUID()}`, op, spacing);
    const otherOp = await reserveSendSlot(`pacing-${randomUUID()}`, PACED_OPERATIONS.lookupByIds, spacing);
    expect(first.waitMs).toBeLessThan(100);
    expect(other.waitMs).toBeLessThan(100);
    expect(otherOp.waitMs).toBeLessThan(100);
  });

  it("a slot after a quiet period is now, not in the past", async () => {
    const clientId = `pacing-${randomUUID()}`;
    const op = PACED_OPERATIONS.syncIntegrationNames;
    await reserveSendSlot(clientId, op, 1000);
    // The application last sent an hour ago.
    await db.linkedInPacing.update({
      where: { clientId_operation: { clientId, operation: op } },
      data: { nextSlotAt: new Date(Date.now() - 3600_000) },
    });
    const before = Date.now();
    const next = await reserveSendSlot(clientId, op, 1000);
    expect(next.waitMs).toBeLessThanOrEqual(1); // timestamp(3) rounds to the millisecond
    expect(Math.abs(next.slotAt.getTime() - before)).toBeLessThan(5000);
    const row = await db.linkedInPacing.findUniqueOrThrow({ where: { clientId_operation: { clientId, operation: op } } });
    expect(row.nextSlotAt.getTime() - next.slotAt.getTime()).toBe(1000);
  });
});
