import "server-only";
// Replaying events to an endpoint and sending it a test event (issue 12, support and operators). A replay
// is a new delivery of the same event, so the receiver sees the same webhook-id it may already have.
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { TEST_EVENT_TYPE } from "@/lib/events/types";
import type { WebhookReplayInput } from "./schemas";

/** A time range replays at most this many events at once; narrow it for more. */
export const MAX_REPLAY_EVENTS = 10_000;

async function endpointOrThrow(tx: Prisma.TransactionClient, id: string) {
  const e = await tx.webhookEndpoint.findUnique({ where: { id }, select: { id: true, eventTypes: true } });
  if (!e) throw new SafeError("not_found", "No such webhook endpoint. It may have been deleted.");
  return e;
}

export async function replayToEndpoint(
  actor: AuditActor,
  endpointId: string,
  input: WebhookReplayInput,
): Promise<{ queued: number }> {
  return db.$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    const types = endpoint.eventTypes.length > 0 ? { in: endpoint.eventTypes } : { not: TEST_EVENT_TYPE };
    const where: Prisma.EventWhereInput =
      "eventId" in input
        ? { id: BigInt(input.eventId.slice(4)) }
        : { createdAt: { gte: input.from, lt: input.to }, type: types };
    const events = await tx.event.findMany({
      where,
      select: { id: true },
      orderBy: { id: "asc" },
      take: MAX_REPLAY_EVENTS + 1,
    });
    if ("eventId" in input && events.length === 0)
      throw new SafeError("not_found", `There is no event ${input.eventId}.`);
    if (events.length > MAX_REPLAY_EVENTS) {
      throw new SafeError(
        "unprocessable",
        `That range holds more than ${MAX_REPLAY_EVENTS} events. Replay a shorter range at a time.`,
        { from: ["Narrow the range."] },
      );
    }
    await tx.webhookDelivery.createMany({
      data: events.map((e) => ({ endpointId, eventId: e.id, replayOf: "replay" })),
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
