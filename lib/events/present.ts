// One event as the vendor sees it, the same in the feed and in a webhook's body (issue 12). Pure.
import { z } from "zod";

export const presentedEventSchema = z.object({
  id: z.string().describe("evt_{n}: also the webhook-id header of its deliveries, replays included"),
  type: z.string(),
  timestamp: z.string().describe("When Onramp recorded it (ISO 8601)"),
  customerId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type PresentedEvent = z.infer<typeof presentedEventSchema>;

export function eventIdOf(id: bigint): string {
  return `evt_${id}`;
}

export function presentEvent(row: {
  id: bigint;
  type: string;
  customerId: string | null;
  data: unknown;
  createdAt: Date;
}): PresentedEvent {
  const data =
    row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  return {
    id: eventIdOf(row.id),
    type: row.type,
    timestamp: row.createdAt.toISOString(),
    customerId: row.customerId,
    data,
  };
}
