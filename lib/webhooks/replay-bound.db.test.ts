// Issue 20 item 6: replays are bounded, through the vendor API's replay route over real HTTP. One request queues at
// most WEBHOOK_REPLAY_MAX_EVENTS (here 5) and an endpoint never has more than that many replayed deliveries
// waiting, each refusal with a message saying what to do. The endpoint is disabled, so no sender (of any test file
// on the shared database) delivers its replays while the test counts them; its events have a type of its own.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { db, disconnectDb } from "@/lib/db/client";
import { setProcessEnv } from "@/lib/env";
import { type RouteServer, serveRoutes } from "@/lib/http/test-support/route-server";
import { replayTarget } from "./test-support/replay-target";
import { replayToEndpoint } from "./replay";
import * as replayRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/replay/route";

const MAX = 5;
let server: RouteServer;
let token: string;
let endpointId: string;
let eventIds: bigint[];
let from: Date;
let to: Date;

beforeAll(async () => {
  setProcessEnv({ WEBHOOK_REPLAY_MAX_EVENTS: String(MAX) });
  server = await serveRoutes([[/^\/api\/v1\/webhook-endpoints\/(?<endpointId>[^/]+)\/replay$/, replayRoute]]);
  const u = await db.user.create({
    data: { email: `replay-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  token = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "replay", scopes: ["webhooks:manage"] })))
    .token;
  ({ endpointId, eventIds, from, to } = await replayTarget(MAX + 2));
});
afterAll(async () => {
  await server?.close();
  await disconnectDb();
});

async function replay(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/v1/webhook-endpoints/${endpointId}/replay`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const waiting = () => db.webhookDelivery.count({ where: { endpointId, state: "PENDING", replayOf: "replay" } });

describe("POST /api/v1/webhook-endpoints/{id}/replay is bounded", () => {
  it("a range over the bound is refused whole, with how to narrow it", async () => {
    const res = await replay({ from: from.toISOString(), to: to.toISOString() });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      message: `That range holds more than ${MAX} events, the most one replay sends. Replay a shorter range at a time.`,
    });
    expect(await waiting()).toBe(0);
  });

  it("replays within the bound are queued until the endpoint's waiting replays would pass it", async () => {
    await db.webhookDelivery.updateMany({ where: { endpointId }, data: { state: "DELIVERED" } });
    for (const id of eventIds.slice(0, MAX)) expect((await replay({ eventId: `evt_${id}` })).status).toBe(202);
    expect(await waiting()).toBe(MAX);
    const over = await replay({ eventId: `evt_${eventIds[MAX]}` });
    expect(over.status).toBe(409);
    expect(over.json.error).toMatchObject({
      message: `This endpoint already has ${MAX} replayed events waiting to be sent, and at most ${MAX} may wait at once. Replay more once they have gone out.`,
    });
    expect(await waiting()).toBe(MAX);
    // Once they have gone out, replaying works again.
    await db.webhookDelivery.updateMany({ where: { endpointId }, data: { state: "DELIVERED" } });
    expect((await replay({ eventId: `evt_${eventIds[MAX]}` })).status).toBe(202);
  });

  it("concurrent replays can not pass the bound together (the endpoint's row is locked while one is checked)", async () => {
    await db.webhookDelivery.updateMany({ where: { endpointId }, data: { state: "DELIVERED" } });
    const actor = { system: "replay-bound-test" };
    const outcomes = await Promise.allSettled(
      eventIds.map((id) => replayToEndpoint(actor, endpointId, { eventId: `evt_${id}` })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(MAX);
    expect(await waiting()).toBe(MAX);
  });
});
