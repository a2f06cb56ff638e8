import "server-only";
// Send slots per application and operation, reserved in Postgres so the spacing of C13 ("at least one
// second between calls") holds across every Onramp process and worker, never per process memory.
import { db, type Db } from "@/lib/db/client";
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
export async function reserveSendSlot(
  clientId: string,
  operation: PacedOperation,
  spacingMs: number,
  /** Another process's client, in tests; the process's own by default. */
  client: Db = db,
): Promise<SendSlot> {
  // Prisma's DateTime columns are "timestamp(3)" holding UTC, hence AT TIME ZONE 'UTC' on the clock.
  const rows = await client.$queryRaw<{ slotMs: number; nowMs: number }[]>`
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

/**
 * Added to the spacing when reserving: a slot is when a request LEAVES, and the first request of a run
 * may spend a few more milliseconds on its way (a new connection) than the next one, so LinkedIn could
 * otherwise see two arrivals a hair closer than the spacing.
 */
export const PACING_MARGIN_MS = 25;

/** Reserves a slot at least spacingMs (+ the margin) after the previous one and waits for it. */
export async function waitForSendSlot(clientId: string, operation: PacedOperation, spacingMs: number): Promise<SendSlot> {
  const slot = await reserveSendSlot(clientId, operation, spacingMs + PACING_MARGIN_MS);
  if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  return slot;
}
