// A webhook endpoint to replay to without anything being sent (the replay bound's test and the hostile-input
// probe): disabled, so no sender delivers its replays, and wanting a type of its own, so a time-range replay finds
// exactly the `count` events written here however many other events the database holds.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

export type ReplayTarget = { endpointId: string; eventIds: bigint[]; from: Date; to: Date };

export async function replayTarget(count: number): Promise<ReplayTarget> {
  const type = `test.replay.${randomUUID()}`;
  const endpointId = `we_replay_${randomUUID().replaceAll("-", "")}`;
  await db.webhookEndpoint.create({
    data: {
      id: endpointId,
      url: "https://ats.example/hooks",
      eventTypes: [type],
      secretEnc: "-",
      disabledAt: new Date(),
    },
  });
  const from = new Date(Date.now() - 60_000);
  const rows = await db.event.createManyAndReturn({
    data: Array.from({ length: count }, (_, n) => ({ txid: 0n, type, customerId: null, data: { n } })),
    select: { id: true },
  });
  return {
    endpointId,
    eventIds: rows.map((r) => r.id).sort((a, b) => (a < b ? -1 : 1)),
    from,
    to: new Date(Date.now() + 60_000),
  };
}
