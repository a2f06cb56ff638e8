import "server-only";
// Send slots per application and operation, reserved in Postgres so the spacing of C13 ("at least one
// second between calls") holds across every Onramp process and worker, never per process memory.
import { db } from "@/lib/db/client";
import type { PacedOperation } from "./endpoints";

export interface SendSlot {
  /** When this caller may send (database clock). */
  slotAt: Date;
  /** How long to wait from now for that slot, by the database clock (so app clock skew does not matter). */
  waitMs: number;
}

/**
 * Reserves the next send slot: one atomic INSERT … ON CONFLICT DO UPDATE. The row holds the earliest
 * time the NEXT caller may send; this caller gets GREATEST(that, now) and pushes it on by `spacingMs`.
 * Row locking serializes concurrent reservations, so two callers never get slots closer than spacingMs.
 */
export async function reserveSendSlot(clientId: string, operation: PacedOperation, spacingMs: number): Promise<SendSlot> {
  // Prisma's DateTime columns are "timestamp(3)" holding UTC, hence AT TIME ZONE 'UTC' on the clock.
  const rows = await db.$queryRaw<{ slotMs: number; nowMs: number }[]>`
    INSERT INTO "LinkedInPacing" ("clientId", "operation", "nextSlotAt")
    VALUES (${clientId}, ${operation}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${spacingMs}::float8 / 1000))
    ON CONFLICT ("clientId", "operation") DO UPDATE SET
      "nextSlotAt" = GREATEST("LinkedInPacing"."nextSlotAt", clock_timestamp() AT TIME ZONE 'UTC')
                     + make_interval(secs => ${spacingMs}::float8 / 1000)
    RETURNING
      (EXTRACT(EPOCH FROM "nextSlotAt") * 1000 - ${spacingMs}::float8)::float8 AS "slotMs",
      (EXTRACT(EPOCH FROM clock_timestamp() AT TIME ZONE 'UTC') * 1000)::float8 AS "nowMs"`;
  const row = rows[0];
  if (!row) throw new Error("reserving a LinkedIn send slot returned no row");
  const slotMs = Number(row.slotMs);
  return { slotAt: new Date(Math.round(slotMs)), waitMs: Math.max(0, Math.ceil(slotMs - Number(row.nowMs))) };
}

/** Reserves a slot and waits for it. */
export async function waitForSendSlot(clientId: string, operation: PacedOperation, spacingMs: number): Promise<SendSlot> {
  const slot = await reserveSendSlot(clientId, operation, spacingMs);
  if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  return slot;
}
