import "server-only";
// The email sweep (issue 14) on pg-boss's cron, once a minute across all instances: queue due
// reminders, "action needed" emails and (from DIGEST_HOUR_UTC) the daily digest, then deliver what is
// due. A queued email also kicks this process's delivery at once (./outbox.ts); the tick re-drives
// whatever a crash left behind, so nothing queued waits for more than a minute.
import { env } from "@/lib/env";
import { ensureQueue, getBoss } from "@/lib/jobs/boss";
import { workQueue } from "@/lib/jobs/work";
import { logger } from "@/lib/log/logger";
import { deliverDueEmails } from "./delivery";
import { databaseDay, queueDailyDigest } from "./digest";
import { queueActionNeededEmails, queueDueReminders } from "./nudges";
import { registerEmailKick } from "./outbox";
import { canRenderEmail } from "./templates/render";

export const EMAIL_TICK_QUEUE = "onramp.email_tick";

export async function onEmailTick(): Promise<void> {
  await queueDueReminders();
  await queueActionNeededEmails();
  if ((await databaseDay()).hour >= env().DIGEST_HOUR_UTC) await queueDailyDigest();
  while ((await deliverDueEmails()) > 0);
}

const globalForEmail = globalThis;

async function start(): Promise<void> {
  // Tests drive the sweep themselves (many files share one database).
  if (env().NODE_ENV === "test") return;
  if (!(await canRenderEmail())) {
    logger().warn("email delivery not started here: this process can not render emails (react-server condition)");
    return;
  }
  const boss = await getBoss();
  // ensureQueue retries a creation that deadlocked with another instance starting at the same time.
  await ensureQueue(boss, EMAIL_TICK_QUEUE);
  await boss.schedule(EMAIL_TICK_QUEUE, "* * * * *", {}, { tz: "UTC" });
  workQueue(boss, EMAIL_TICK_QUEUE, { lanes: 1, pollingIntervalMs: 5000 }, async () => {
    await onEmailTick();
  });
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
  logger().info({ smtp: env().SMTP_URL ? "configured" : "not set" }, "email delivery scheduled");
}

/** Registers the email sweep and its worker in this process, once (called by startWorkers). */
export function startEmailSchedule(): Promise<void> {
  globalForEmail.onrampEmailSchedule ??= start().catch((err: unknown) => {
    globalForEmail.onrampEmailSchedule = undefined;
    throw err;
  });
  return globalForEmail.onrampEmailSchedule;
}
