import "server-only";
// A schedule (issue 21 point 2): work on pg-boss's cron. The schedule lives in PostgreSQL and pg-boss fires each
// tick once across all processes, onto the schedule's own queue, which every process with workers works. The
// process's schedules are listed in its composition root (server/composition.ts); this is their one start-up.
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { ensureQueue, getBoss } from "./boss";
import { workQueue } from "./work";

export type ScheduleDefinition = {
  /** The pg-boss queue its ticks go to ("onramp.…"). */
  queue: string;
  /** Cron (UTC) from the settings; null when the schedule is off (it is then removed). */
  cron(): string | null;
  /** One tick. Must be safe to run late or twice: a tick only looks at what the database says is due. */
  tick(): Promise<void>;
  /** Why this process must not run it (null: it may), asked before anything is registered. */
  refusal?(): Promise<string | null>;
  /** After it is registered in this process. */
  started?(cron: string): void;
};

export function defineSchedule(definition: ScheduleDefinition): ScheduleDefinition {
  return definition;
}

/**
 * Registers the schedule and works its tick queue in this process. Safe to run again (a start that failed
 * half-way): the queue and the schedule are upserts, and a queue already worked here is left as it is.
 */
export async function startSchedule(schedule: ScheduleDefinition): Promise<void> {
  // Under vitest many files share one database and its queues: tests call each schedule's tick themselves.
  if (env().NODE_ENV === "test") return;
  const refused = await schedule.refusal?.();
  if (refused) {
    logger().warn({ queue: schedule.queue }, `schedule not started here: ${refused}`);
    return;
  }
  const boss = await getBoss();
  // ensureQueue retries a creation that deadlocked with another instance starting at the same time.
  await ensureQueue(boss, schedule.queue);
  const cron = schedule.cron();
  if (!cron) {
    await boss.unschedule(schedule.queue);
    logger().info({ queue: schedule.queue }, "schedule is off");
    return;
  }
  await boss.schedule(schedule.queue, cron, {}, { tz: "UTC" });
  workQueue(boss, schedule.queue, { lanes: 1, pollingIntervalMs: 5000 }, () => schedule.tick());
  schedule.started?.(cron);
}
