import "server-only";
// The outbox (issue 12): every event is written by the transaction that makes the change it describes,
// so a crash loses neither. The same statement queues one delivery per enabled endpoint that wants the
// type; the sender (lib/webhooks/send.ts) picks them up. txid orders the feed (lib/events/feed.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { currentTraceparent } from "@/lib/tracing/spans";
import type { EventType } from "./types";

export type EventInput = { type: EventType; customerId: string | null; data: Prisma.InputJsonObject };

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/** Records events in `tx` and queues their deliveries; answers the event ids. */
export async function emitEvents(tx: Tx, events: EventInput[]): Promise<bigint[]> {
  if (events.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    WITH input AS (
      SELECT * FROM unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.customerId)}::text[],
        ${events.map((e) => JSON.stringify(e.data))}::jsonb[]) WITH ORDINALITY AS t(type, "customerId", data, n)
    ), ev AS (
      INSERT INTO "Event" ("txid", "type", "customerId", "data", "createdAt", "traceParent")
      SELECT pg_current_xact_id()::text::bigint, type, "customerId", data, now() AT TIME ZONE 'UTC', ${currentTraceparent() ?? null}::text
      FROM input ORDER BY n
      RETURNING "id", "type"
    ), queued AS (
      INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId", "nextAttemptAt", "createdAt")
      SELECT 'wd_' || replace(gen_random_uuid()::text, '-', ''), w."id", ev."id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM ev JOIN "WebhookEndpoint" w ON w."disabledAt" IS NULL AND (cardinality(w."eventTypes") = 0 OR ev."type" = ANY (w."eventTypes"))
      RETURNING 1
    )
    SELECT "id" FROM ev ORDER BY "id"`;
  return rows.map((r) => r.id);
}

export function emitEvent(tx: Tx, event: EventInput): Promise<bigint[]> {
  return emitEvents(tx, [event]);
}
