import "server-only";
// The daily digest to support staff (issue 14): integrations stuck past the threshold, failed jobs and
// keys LinkedIn refused, from the issues view's own queries, with a link to it. One per person and
// day ("digest:<day>" is the cause); a day with nothing to report sends nothing.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { failedJobs, keyFailures, stuckAfterHours, stuckIntegrations } from "@/lib/support/issues";
import { queueEmail } from "./outbox";
import type { DigestData } from "./templates/data";

const DIGEST_ROWS = 50;

/** The database's UTC day and hour: every instance agrees on which digest is due. */
export async function databaseDay(): Promise<{ day: string; hour: number; now: Date }> {
  const [row] = await db.$queryRaw<{ day: string; hour: number; now: Date }[]>`
    SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day", extract(hour FROM now() AT TIME ZONE 'UTC')::int AS "hour", now() AS "now"`;
  if (!row) throw new Error("the database did not answer with its clock");
  return row;
}

export async function queueDailyDigest(): Promise<number> {
  const { day, now } = await databaseDay();
  const hours = await stuckAfterHours();
  const [stuck, jobs, keys] = await Promise.all([
    stuckIntegrations(hours, 1, now, DIGEST_ROWS),
    failedJobs(1, DIGEST_ROWS),
    keyFailures(1, DIGEST_ROWS),
  ]);
  if (stuck.total + jobs.total + keys.total === 0) return 0;
  const data: DigestData = {
    day,
    stuckAfterHours: hours,
    stuck: stuck.rows.map((s) => ({
      customerName: s.customerName,
      integrationName: s.name,
      status: s.onboardingStatus,
      since: s.statusChangedAt.toISOString().slice(0, 10),
    })),
    failedJobs: jobs.rows.map((j) => ({ customerName: j.customerName, kind: j.kind, error: j.lastError })),
    keysRefused: keys.rows.map((k) => ({ customerName: k.customerName, error: k.lastAuthError })),
    issuesUrl: `${env().PUBLIC_URL}/console/issues`,
  };
  const staff = await db.user.findMany({ where: { role: "SUPPORT", disabledAt: null }, select: { email: true } });
  let queued = 0;
  await db.$transaction(async (tx) => {
    for (const s of staff)
      if (await queueEmail(tx, { template: "SUPPORT_DIGEST", to: s.email, cause: `digest:${day}`, data })) queued += 1;
  });
  return queued;
}
