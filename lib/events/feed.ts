import "server-only";
// The event feed (issue 12): GET /api/v1/events?cursor={nextCursor} (`after` until the next release). Events are ordered by (txid, id), the writing
// transaction's id then the row id, and only events whose transaction id is below the oldest transaction
// still in flight (pg_snapshot_xmin) are shown. Every event that commits later therefore has a txid at or
// above that bound, so it sorts after every cursor already handed out: no cursor skips a late commit,
// however ids interleave between concurrent transactions. A long write transaction delays the feed, never
// loses from it.
import { db } from "@/lib/db/client";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { TEST_EVENT_TYPE } from "./types";
import { presentEvent, type PresentedEvent } from "./present";

export type FeedPosition = { txid: bigint; id: bigint };
const START: FeedPosition = { txid: BigInt(0), id: BigInt(0) };

const DIGITS = /^\d{1,19}$/;

/** The vendor API's one cursor (lib/pagination/cursor.ts) on (txid, id): the same bytes the feed always handed out. */
export function feedCursor(p: FeedPosition): string {
  return encodeCursor([p.txid, p.id]);
}

export function feedPosition(cursor: string | undefined): FeedPosition {
  if (!cursor) return START;
  return decodeCursor(cursor, 2, ([txid = "", id = ""]) =>
    DIGITS.test(txid) && DIGITS.test(id) ? { txid: BigInt(txid), id: BigInt(id) } : null,
  );
}

export type FeedPage = { events: PresentedEvent[]; nextCursor: string; hasMore: boolean };

export async function readFeed(opts: {
  cursor?: string;
  types?: string[];
  customerId?: string;
  limit: number;
}): Promise<FeedPage> {
  const from = feedPosition(opts.cursor);
  const types = opts.types && opts.types.length > 0 ? opts.types : null;
  const rows = await db.$queryRaw<
    { id: bigint; txid: bigint; type: string; customerId: string | null; data: unknown; createdAt: Date }[]
  >`
    SELECT "id", "txid", "type", "customerId", "data", "createdAt" FROM "Event"
    WHERE ("txid", "id") > (${from.txid}::bigint, ${from.id}::bigint)
      AND "txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      AND "type" <> ${TEST_EVENT_TYPE}
      AND (${types}::text[] IS NULL OR "type" = ANY (${types}::text[]))
      AND (${opts.customerId ?? null}::text IS NULL OR "customerId" = ${opts.customerId ?? null}::text)
    ORDER BY "txid", "id"
    LIMIT ${opts.limit + 1}`;
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    events: page.map(presentEvent),
    nextCursor: feedCursor(last ? { txid: last.txid, id: last.id } : from),
    hasMore: rows.length > opts.limit,
  };
}
