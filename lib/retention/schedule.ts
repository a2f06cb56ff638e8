import "server-only";
// The retention schedule's queue and tick (issue 24 point 4), bound in server/composition.ts.
import { logger } from "@/lib/log/logger";
import { runRetention } from "./sweep";

export const RETENTION_QUEUE = "onramp.retention";
/** Every hour at :17 UTC, away from the minute's other schedules; a pass deletes what the last hour aged out. */
export const RETENTION_CRON = "17 * * * *";

export async function onRetentionTick(): Promise<void> {
  const deleted = await runRetention();
  logger().debug({ deleted }, "retention pass");
}
