import "server-only";
// The email sweep (issue 14) on pg-boss's cron (a schedule of server/composition.ts), once a minute across all instances: queue due
// reminders, "action needed" emails and (from DIGEST_HOUR_UTC) the daily digest, then deliver what is
// due. A queued email also kicks this process's delivery at once (./outbox.ts); the tick re-drives
// whatever a crash left behind, so nothing queued waits for more than a minute.
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { deliverDueEmails } from "./delivery";
import { databaseDay, queueDailyDigest } from "./digest";
import { queueActionNeededEmails, queueDueReminders } from "./nudges";
import { registerEmailKick } from "./outbox";

export const EMAIL_TICK_QUEUE = "onramp.email_tick";

export async function onEmailTick(): Promise<void> {
  await queueDueReminders();
  await queueActionNeededEmails();
  if ((await databaseDay()).hour >= env().DIGEST_HOUR_UTC) await queueDailyDigest();
  while ((await deliverDueEmails()) > 0);
}

/**
 * Lets a queued email be delivered at once by this process (./outbox.ts kicks it after the queuing commit)
 * rather than at the next tick; called when the sweep's schedule starts here.
 */
export function startDeliveryKick(): void {
  let running = false;
  registerEmailKick(() => {
    if (running) return;
    running = true;
    deliverDueEmails()
      .catch((err: unknown) => logger().warn({ err }, "email delivery kick failed; the next tick retries"))
      .finally(() => {
        running = false;
      });
  });
}
