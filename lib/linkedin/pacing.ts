import "server-only";
// C13 ("at least one second between calls") across every Onramp process and worker, held in Postgres,
// never in process memory. One row per application says when its next call may leave: names,
// configurations and look-ups of one application share it (C30, issue 11 item 5).
//
// A caller CLAIMS the row (an atomic compare-and-set that succeeds only once that time has come),
// which leases it for as long as a request may take; it RELEASES it when LinkedIn's answer has
// arrived, setting the next time to now + spacing. So the next call leaves at least `spacing` after the
// previous answer, hence arrives at least `spacing` after the previous call arrived, whatever the
// network or event-loop delays: no safety margin is needed. The claim's lease end is the holder's
// fencing token: only the holder whose lease still stands can release (a holder that outlived its
// lease, whose slot another caller has since claimed, releases nothing).
import { db, type Db } from "@/lib/db/client";

/** The row's operation column: one slot for all of an application's paced calls. */
const APPLICATION_SLOT = "application";

/** A claim outlives a request (REQUEST_TIMEOUT_MS is 30 s); a process that dies mid-call frees it then. */
export const PACING_LEASE_MS = 60_000;
/** Longest a waiter sleeps before looking again (a leased row shows a far-off time). */
const MAX_POLL_MS = 100;

export interface SendSlot {
  /** When the claim was taken (database clock). */
  claimedAt: Date;
  /** Frees the row: the next call may leave `spacingMs` from now. Returns that release time. */
  release(): Promise<Date>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function claimSendSlot(
  clientId: string,
  spacingMs: number,
  options: { client?: Db; leaseMs?: number } = {},
): Promise<SendSlot> {
  const client = options.client ?? db;
  const leaseMs = options.leaseMs ?? PACING_LEASE_MS;
  const operation = APPLICATION_SLOT;
  // Prisma's DateTime columns are "timestamp(3)" holding UTC, hence AT TIME ZONE 'UTC' on the clock.
  for (;;) {
    const claimed = await client.$queryRaw<{ claimedMs: number; lease: string }[]>`
      INSERT INTO "LinkedInPacing" ("clientId", "operation", "nextSlotAt")
      VALUES (${clientId}, ${operation}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs}::float8 / 1000))
      ON CONFLICT ("clientId", "operation") DO UPDATE
        SET "nextSlotAt" = (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs}::float8 / 1000)
        WHERE "LinkedInPacing"."nextSlotAt" <= (clock_timestamp() AT TIME ZONE 'UTC')
      RETURNING (EXTRACT(EPOCH FROM clock_timestamp() AT TIME ZONE 'UTC') * 1000)::float8 AS "claimedMs", "nextSlotAt"::text AS "lease"`;
    const row = claimed[0];
    if (row) {
      return {
        // Truncated like Date itself truncates: comparable with the release time (see releaseSendSlot).
        claimedAt: new Date(Math.floor(Number(row.claimedMs))),
        release: () => releaseSendSlot(client, clientId, row.lease, spacingMs),
      };
    }
    const waiting = await client.$queryRaw<{ waitMs: number }[]>`
      SELECT (EXTRACT(EPOCH FROM ("nextSlotAt" - (clock_timestamp() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "waitMs"
      FROM "LinkedInPacing" WHERE "clientId" = ${clientId} AND "operation" = ${operation}`;
    await sleep(Math.min(MAX_POLL_MS, Math.max(1, Math.ceil(Number(waiting[0]?.waitMs ?? 1)))));
  }
}

async function releaseSendSlot(client: Db, clientId: string, lease: string, spacingMs: number): Promise<Date> {
  // One clock reading (the CTE runs once) both sets the next slot and is returned, and the slot is
  // rounded UP to the column's millisecond precision: a claim passes only at a clock >= release + spacing,
  // so floor(claimedAt) - floor(releasedAt) >= spacing holds exactly as measured (no margin needed).
  const rows = await client.$queryRaw<{ releasedMs: number }[]>`
    WITH now AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS t),
    due AS (SELECT t, t + make_interval(secs => ${spacingMs}::float8 / 1000) AS at FROM now)
    UPDATE "LinkedInPacing"
      SET "nextSlotAt" = date_trunc('milliseconds', due.at)
        + (CASE WHEN due.at > date_trunc('milliseconds', due.at) THEN interval '1 millisecond' ELSE interval '0' END)
      FROM due
      WHERE "clientId" = ${clientId} AND "operation" = ${APPLICATION_SLOT} AND "nextSlotAt" = ${lease}::timestamp
    RETURNING (EXTRACT(EPOCH FROM due.t) * 1000)::float8 AS "releasedMs"`;
  // No row: the lease ended and another caller holds the slot now; it is not this caller's to free.
  return new Date(Math.floor(Number(rows[0]?.releasedMs ?? Date.now())));
}

/** Runs one call holding the application's send slot (C13). */
export async function withSendSlot<T>(clientId: string, spacingMs: number, call: () => Promise<T>): Promise<T> {
  const slot = await claimSendSlot(clientId, spacingMs);
  try {
    return await call();
  } finally {
    await slot.release();
  }
}
