// Replaying events and sending a test event to an endpoint (issue 12, test-support/receiver-stack.ts).
import { eventually } from "@/test/eventually";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit";
import { replayToEndpoint, sendTestEvent } from "./replay";
import { deliverDue } from "./send";
import { receiver, endpointId, operator, receivedFor, useWebhookReceiver } from "./test-support/receiver-stack";

useWebhookReceiver();

describe("webhooks to a local receiver: replay", () => {
  it("replay of one event and of a time range resends it with the same webhook-id; a test event reaches the endpoint", async () => {
    const customerId = `wh-${randomUUID()}`;
    const from = new Date(Date.now() - 1000);
    const [eventId] = await db.$transaction((tx) =>
      emitEvent(tx, { type: "linkedin.push", customerId, data: { probe: 3 } }),
    );
    await receivedFor(customerId, (r) => r.length >= 1);
    expect(await replayToEndpoint(operator, endpointId, { eventId: `evt_${eventId}` })).toEqual({ queued: 1 });
    await receivedFor(customerId, (r) => r.length >= 2);
    const range = await replayToEndpoint(operator, endpointId, { from, to: new Date(Date.now() + 1000) });
    expect(range.queued).toBeGreaterThanOrEqual(1);
    const got = await receivedFor(customerId, (r) => r.length >= 3);
    expect(new Set(got.map((r) => r.webhookId))).toEqual(new Set([`evt_${eventId}`]));
    await expect(replayToEndpoint(operator, endpointId, { eventId: "evt_999999999999" })).rejects.toThrow(/no event/);

    const test = await sendTestEvent(operator, endpointId);
    await eventually("the test event received", async () => {
      await deliverDue();
      return receiver.received.find(
        (r) => r.webhookId === `evt_${test.eventId}` && r.verified && r.body?.type === "webhook.test",
      );
    });
  });
});
