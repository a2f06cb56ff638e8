import "server-only";
// Replaying events to an endpoint and sending it a test event (issue 12, support and operators). A replay
// is a new delivery of the same event, so the receiver sees the same webhook-id it may already have.
// Replays are bounded (issue 20 item 6): one request queues at most WEBHOOK_REPLAY_MAX_EVENTS, and an endpoint
// never has more than that many replayed deliveries waiting, however many requests ask (checked under the
// endpoint's row lock, so concurrent requests can not both pass). Resolved exports are not resolved again by a
// replay (lib/webhooks/resolve-export.ts keeps each event's resolution).
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { TEST_EVENT_TYPE } from "@/lib/events/types";
import type { WebhookReplayInput } from "./schemas";

/** What replay.ts marks its deliveries with (WebhookDelivery.replayOf). */
const REPLAY = "replay";

async function endpointOrThrow(tx: Prisma.TransactionClient, id: string) {
  const e = await tx.webhookEndpoint.findUnique({ where: { id }, select: { id: true, eventTypes: true } });
  if (!e) throw new SafeError("not_found", "No such webhook endpoint. It may have been deleted.");
  return e;
}

/** Locks the endpoint's row until the transaction ends: one replay request at a time per endpoint. */
async function lockEndpoint(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "WebhookEndpoint" WHERE "id" = ${id} FOR UPDATE`;
}

/** Refuses a replay of `count` events that would leave more than the bound waiting for this endpoint. */
async function assertReplayFits(tx: Prisma.TransactionClient, endpointId: string, count: number): Promise<void> {
  const max = env().WEBHOOK_REPLAY_MAX_EVENTS;
  if (count > max)
    throw new SafeError(
      "unprocessable",
      `That range holds more than ${max} events, the most one replay sends. Replay a shorter range at a time.`,
      { from: ["Narrow the range."] },
    );
  const waiting = await tx.webhookDelivery.count({ where: { endpointId, state: "PENDING", replayOf: REPLAY } });
  if (waiting + count > max)
    throw new SafeError(
      "conflict",
      `This endpoint already has ${waiting} replayed events waiting to be sent, and at most ${max} may wait at once. Replay more once they have gone out.`,
    );
}

export async function replayToEndpoint(
  actor: AuditActor,
  endpointId: string,
  input: WebhookReplayInput,
): Promise<{ queued: number }> {
  return db.$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    await lockEndpoint(tx, endpointId);
    const types = endpoint.eventTypes.length > 0 ? { in: endpoint.eventTypes } : { not: TEST_EVENT_TYPE };
    const where: Prisma.EventWhereInput =
      "eventId" in input
        ? { id: BigInt(input.eventId.slice(4)) }
        : { createdAt: { gte: input.from, lt: input.to }, type: types };
    const events = await tx.event.findMany({
      where,
      select: { id: true },
      orderBy: { id: "asc" },
      take: env().WEBHOOK_REPLAY_MAX_EVENTS + 1,
    });
    if ("eventId" in input && events.length === 0)
      throw new SafeError("not_found", `There is no event ${input.eventId}.`);
    await assertReplayFits(tx, endpointId, events.length);
    await tx.webhookDelivery.createMany({
      data: events.map((e) => ({ endpointId, eventId: e.id, replayOf: REPLAY })),
    });
    await recordAudit(
      actor,
      {
        action: "webhook.replayed",
        targetType: "WebhookEndpoint",
        targetId: endpointId,
        details:
          "eventId" in input
            ? { eventId: input.eventId }
            : { from: input.from.toISOString(), to: input.to.toISOString(), count: events.length },
      },
      tx,
    );
    return { queued: events.length };
  });
}

export async function sendTestEvent(actor: AuditActor, endpointId: string): Promise<{ eventId: bigint }> {
  return db.$transaction(async (tx) => {
    await endpointOrThrow(tx, endpointId);
    // Written without emit(): a test event goes to this endpoint only, and never into the feed.
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "Event" ("txid", "type", "customerId", "data", "createdAt")
      VALUES (pg_current_xact_id()::text::bigint, ${TEST_EVENT_TYPE}, NULL, ${JSON.stringify({ message: "A test event from Onramp." })}::jsonb, now() AT TIME ZONE 'UTC')
      RETURNING "id"`;
    const [row] = rows;
    if (!row) throw new Error("INSERT … RETURNING answered no row");
    const eventId = row.id;
    await tx.webhookDelivery.create({ data: { endpointId, eventId } });
    await recordAudit(actor, { action: "webhook.test_sent", targetType: "WebhookEndpoint", targetId: endpointId }, tx);
    return { eventId };
  });
}
