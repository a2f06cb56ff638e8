import "server-only";
// Every tracked job reaches a terminal state (C28), whatever happened to its worker. pg-boss expires a
// job whose worker died and, after the last attempt, records it failed without Onramp's handler ever
// finishing: the Job row would say RUNNING/QUEUED/RETRYING for good. This pass finds tracked jobs whose
// queue job is no longer live (failed, expired, cancelled, completed, archived or never written) and
// marks them FAILED with a reason a person can act on. The work they left is re-driven by the domain
// sweeps (lib/integrations/redrive.ts, lib/notifications/enqueue.ts), which look for "no live job".
import { activeJobStatusSql } from "./status";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getBoss } from "./boss";

export const DEAD_JOB_MESSAGE =
  "The job stopped without finishing (its worker was stopped or it ran past its time limit on the last attempt). " +
  "Onramp re-queues any work it left; support can retry it.";

/**
 * SQL condition (on a "Job" row aliased j) that the row's pg-boss job is still queued, retrying or
 * active. pg-boss keys its job table by (name, id), so the queue name is given as well.
 */
export const QUEUE_JOB_IS_LIVE = `EXISTS (
  SELECT 1 FROM pgboss.job q
  WHERE q.name = 'onramp.' || lower(j."kind"::text) AND j."queueJobId" IS NOT NULL
    AND q.id = CAST(j."queueJobId" AS uuid) AND q.state IN ('created', 'retry', 'active'))`;

/** Marks FAILED the tracked jobs (all, or one job's, or one customer's) whose queue job is not live; answers their ids. */
export async function failDeadJobs(scope: { jobId?: string; customerId?: string } = {}): Promise<string[]> {
  await getBoss(); // pg-boss's tables exist once it has started
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Job" j SET "status" = 'FAILED', "lastError" = $1, "finishedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE ${activeJobStatusSql('j."status"')} AND ($2::text IS NULL OR j."id" = $2::text)
       AND ($3::text IS NULL OR j."customerId" = $3::text)
       AND NOT ${QUEUE_JOB_IS_LIVE}
     RETURNING j."id"`,
    DEAD_JOB_MESSAGE,
    scope.jobId ?? null,
    scope.customerId ?? null,
  );
  if (rows.length > 0) logger().warn({ count: rows.length }, "tracked jobs whose queue job died were marked failed");
  return rows.map((r) => r.id);
}
