import "server-only";
// The hourly (POLL_INTERVAL_MINUTES) fallback poll (C28) on pg-boss's cron (a schedule of server/composition.ts,
// lib/jobs/schedule.ts): pg-boss fires it once per tick across all processes. The tick does not run the poll
// itself: it queues a tracked POLL_STATUS job (C28: every job is tracked), triggered by "system:poll".
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueuePoll } from "./requests";

export const POLL_SCHEDULE_QUEUE = "onramp.poll_schedule";
export const SCHEDULED_POLL_TRIGGER = "system:poll";

export type PollCron = {
  cron: string /** The cron ticks every minute; the tick checks the interval itself. */;
  checkElapsed: boolean;
};

/**
 * Cron for an interval in minutes: exact when it divides an hour or a day (every 15 min, hourly,
 * every 6 hours…); otherwise a one-minute tick that queues a poll once the interval has passed since
 * the last scheduled one.
 */
export function pollCron(minutes: number): PollCron | null {
  if (!Number.isInteger(minutes) || minutes <= 0) return null;
  if (minutes < 60 && 60 % minutes === 0)
    return { cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`, checkElapsed: false };
  if (minutes === 60) return { cron: "0 * * * *", checkElapsed: false };
  if (minutes % 60 === 0 && 1440 % minutes === 0) return { cron: `0 */${minutes / 60} * * *`, checkElapsed: false };
  return { cron: "* * * * *", checkElapsed: true };
}

/** A scheduled tick: queue a poll unless (for irregular intervals) the last one is too recent. */
export async function onPollTick(now: Date = new Date()): Promise<boolean> {
  const minutes = env().POLL_INTERVAL_MINUTES;
  const plan = pollCron(minutes);
  if (!plan) return false;
  if (plan.checkElapsed) {
    const last = await db.job.findFirst({
      where: { kind: "POLL_STATUS", triggeredBy: SCHEDULED_POLL_TRIGGER },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    // Half a minute of slack so a tick that fires a little early is not skipped for a whole interval.
    if (last && now.getTime() - last.createdAt.getTime() < minutes * 60_000 - 30_000) return false;
  }
  await enqueuePoll({}, SCHEDULED_POLL_TRIGGER);
  return true;
}
