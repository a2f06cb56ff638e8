import "server-only";
// Unsigned or wrongly signed callbacks change nothing but a counter per customer, UTC day and reason,
// and a log line (issue #5). Their bodies are never stored: nobody vouched for them (C20).
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type RejectionReason = "missing_signature" | "malformed_signature" | "bad_signature" | "no_application_secret";

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export async function recordCallbackRejection(
  customerId: string,
  reason: RejectionReason,
  request: { bodyBytes: number | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<void> {
  logger().warn(
    { customerId, reason, bodyBytes: request.bodyBytes, userAgent: request.userAgent },
    "callback refused: signature not valid",
  );
  // One atomic upsert; the day is cast from text so the session time zone can not move it.
  await db.$executeRaw`
    INSERT INTO "CallbackRejectionCounter" ("customerId", "day", "reason", "count", "lastAt")
    VALUES (${customerId}, ${utcDay(now)}::date, ${reason}, 1, ${now})
    ON CONFLICT ("customerId", "day", "reason") DO UPDATE SET
      "count" = "CallbackRejectionCounter"."count" + 1,
      "lastAt" = GREATEST("CallbackRejectionCounter"."lastAt", ${now})`;
}
