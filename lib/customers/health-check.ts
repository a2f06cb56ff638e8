import "server-only";
// Issue 22 point 2: health checks that run on their own. Every HEALTH_CHECK_INTERVAL_HOURS each active customer's
// application asks LinkedIn for a token with its stored keys (C2, C27), so keys revoked or rotated in LinkedIn's
// developer portal open the "keys refused" issue before the customer's next sync fails, and keys that work again
// resolve it (lib/linkedin/token.ts records both). Each tick takes the longest-unchecked due applications, at most
// HEALTH_CHECK_BATCH, one at a time: each request is paced and counted against the day's budget like any call.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { checkApplicationKeys } from "@/lib/linkedin";
import { logger } from "@/lib/log/logger";

export type HealthCheckSummary = { checked: number; refused: number; unreachable: number };

/** Applications due a check by the database's clock, longest unchecked first (never checked: first of all). */
async function dueApplications(intervalHours: number, limit: number, only: string[] | undefined) {
  const narrowed = only ? Prisma.sql`AND a."id" = ANY(${only}::text[])` : Prisma.empty;
  return db.$queryRaw<{ id: string; clientId: string }[]>`
    SELECT a."id", a."clientId" FROM "CustomerApplication" a JOIN "Customer" c ON c."id" = a."customerId"
    WHERE c."archivedAt" IS NULL AND a."secretRollStartedAt" IS NULL
      AND (a."healthCheckedAt" IS NULL
           OR a."healthCheckedAt" <= (now() AT TIME ZONE 'UTC') - make_interval(hours => ${intervalHours}::int))
      ${narrowed}
    ORDER BY a."healthCheckedAt" ASC NULLS FIRST, a."id" ASC
    LIMIT ${limit}`;
}

/** One tick of the health check; `onlyApplicationIds` narrows it (a test, a person's "check now"). */
export async function runHealthChecks(opts: { onlyApplicationIds?: string[] } = {}): Promise<HealthCheckSummary> {
  const hours = env().HEALTH_CHECK_INTERVAL_HOURS;
  const summary: HealthCheckSummary = { checked: 0, refused: 0, unreachable: 0 };
  if (hours === 0) return summary;
  const due = await dueApplications(hours, env().HEALTH_CHECK_BATCH, opts.onlyApplicationIds);
  for (const app of due) {
    // Marked first: an application whose check throws is not asked again on every tick.
    await db.$executeRaw`UPDATE "CustomerApplication" SET "healthCheckedAt" = (now() AT TIME ZONE 'UTC') WHERE "id" = ${app.id}`;
    const outcome = await checkApplicationKeys(app);
    summary.checked += 1;
    if (outcome === "refused") summary.refused += 1;
    if (outcome === "unreachable") summary.unreachable += 1;
  }
  if (summary.checked > 0) logger().info(summary, "customer keys health check");
  return summary;
}
