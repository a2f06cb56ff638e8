import "server-only";
// Issue 22 point 1: the detector pass turns the issues view's live conditions (./issues.ts) into issue records. Each
// tick, per type, the subjects whose cause holds now are opened or observed again (last seen moves; a resolved one
// reopens), and the open ones whose cause is gone resolve themselves. Causes observed at the moment they happen (a
// refused token, a sync's last failure, the widget) open their issue there too; this pass is what notices a cause
// that clears quietly. WIDGET_CANNOT_LOAD has no lasting condition: opened by the widget's flow, resolved when the
// admin authorizes (lib/integrations/store-confirmed.ts).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { SupportIssueType } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";
import { NOW, resolveIssues, wakeSnoozedIssues } from "@/lib/issues/lifecycle";
import { observeIssues } from "@/lib/issues/observe";
import { subjectKeyOf } from "@/lib/issues/types";
import { ENDPOINTS } from "@/lib/linkedin";
import { stuckAfterHours } from "./issues";

const sql = Prisma.sql;

/** Bound per type and tick: a flood is worked through over several ticks, newest subjects first. */
const PER_TYPE = 2000;
const CHUNK = 250;

type Cause = {
  customerId: string | null;
  integrationId: string | null;
  webhookEndpointId: string | null;
  detail: string;
};

const ACTIVE = sql`c."archivedAt" IS NULL`;

/** Each detected type's query: the subjects whose cause holds now. */
async function causes(): Promise<[SupportIssueType, Prisma.Sql | null][]> {
  const stuckHours = await stuckAfterHours();
  const secretDays = env().LINKEDIN_SECRET_MAX_AGE_DAYS;
  const noCallDays = env().NO_SUCCESSFUL_CALL_DAYS;
  const integration = (where: Prisma.Sql, detail: Prisma.Sql) => sql`
    SELECT i."customerId", i."id" AS "integrationId", NULL::text AS "webhookEndpointId", ${detail} AS "detail"
    FROM "Integration" i JOIN "Customer" c ON c."id" = i."customerId" WHERE ${ACTIVE} AND ${where}`;
  const application = (where: Prisma.Sql, detail: Prisma.Sql) => sql`
    SELECT a."customerId", NULL::text AS "integrationId", NULL::text AS "webhookEndpointId", ${detail} AS "detail"
    FROM "CustomerApplication" a JOIN "Customer" c ON c."id" = a."customerId" WHERE ${ACTIVE} AND ${where}`;
  return [
    ["KEYS_REFUSED", application(sql`a."lastAuthError" IS NOT NULL`, sql`a."lastAuthError"`)],
    [
      "SYNC_FAILING",
      integration(
        sql`(i."nameSyncState" = 'FAILED' OR i."configSyncState" = 'FAILED')`,
        sql`coalesce(i."configSyncError", i."nameSyncError", 'Sending this integration''s details to LinkedIn failed.')`,
      ),
    ],
    [
      "NOTIFICATION_FAILED",
      sql`SELECT n."customerId", NULL::text AS "integrationId", NULL::text AS "webhookEndpointId",
            count(*)::text || ' LinkedIn notification(s) could not be processed after every attempt.' AS "detail"
          FROM "Notification" n JOIN "Customer" c ON c."id" = n."customerId"
          WHERE n."processingState" = 'FAILED' AND ${ACTIVE} GROUP BY n."customerId"`,
    ],
    [
      "STUCK_AT_STATUS",
      integration(
        sql`i."onboardingStatus" IN ('REQUESTED', 'PARTNER_READY')
            AND i."statusChangedAt" < ${NOW} - make_interval(hours => ${stuckHours}::int)`,
        sql`CASE WHEN i."onboardingStatus" = 'PARTNER_READY' THEN 'Waiting on the customer''s admin to enable it in LinkedIn since '
                 ELSE 'Waiting on LinkedIn since ' END || to_char(i."statusChangedAt", 'YYYY-MM-DD HH24:MI') || ' UTC.'`,
      ),
    ],
    [
      "UNKNOWN_TYPE",
      integration(
        sql`i."integrationType" <> ALL(${[...INTEGRATION_TYPES]}::text[])`,
        sql`'LinkedIn sent the integration type ' || i."integrationType" || ', which Onramp does not know yet.'`,
      ),
    ],
    [
      "SECRET_DUE",
      application(
        sql`a."secretSetAt" < ${NOW} - make_interval(days => ${secretDays}::int)`,
        sql`'The secret was set on ' || to_char(a."secretSetAt", 'YYYY-MM-DD') || '; rotate it every ${Prisma.raw(String(secretDays))} days.'`,
      ),
    ],
    [
      "NO_RECENT_CALL",
      noCallDays === 0
        ? null
        : application(
            sql`c."createdAt" < ${NOW} - make_interval(days => ${noCallDays}::int)
                AND NOT EXISTS (SELECT 1 FROM "LinkedInCallCount" cc WHERE cc."clientId" = a."clientId"
                  AND cc."endpoint" <> ${ENDPOINTS.accessToken} AND cc."day" >= (${NOW})::date - ${noCallDays}::int
                  AND cc."count" > cc."errorCount" + cc."rateLimitedCount")`,
            sql`'No successful LinkedIn call for ${Prisma.raw(String(noCallDays))} days.'`,
          ),
    ],
    [
      "WEBHOOK_FAILING",
      sql`SELECT NULL::text AS "customerId", NULL::text AS "integrationId", w."id" AS "webhookEndpointId",
            'Deliveries to ' || w."url" || ' have failed since ' || to_char(w."failingSince", 'YYYY-MM-DD HH24:MI') || ' UTC'
              || CASE WHEN w."disabledAt" IS NOT NULL THEN '; the endpoint was disabled.' ELSE '.' END AS "detail"
          FROM "WebhookEndpoint" w WHERE w."failingSince" IS NOT NULL`,
    ],
  ];
}

export type DetectorSummary = { opened: number; resolved: number; woke: number };

/**
 * One pass: every detected type observed, its cleared issues resolved, lapsed snoozes open again. `customerIds`
 * narrows it to those customers' issues (a test's own rows; vendor-wide types are then left alone).
 */
export async function detectIssues(opts: { customerIds?: string[] } = {}): Promise<DetectorSummary> {
  const summary: DetectorSummary = { opened: 0, resolved: 0, woke: await wakeSnoozedIssues() };
  const { customerIds } = opts;
  const scope = customerIds ? sql`WHERE q."customerId" = ANY(${customerIds}::text[])` : Prisma.empty;
  for (const [type, query] of await causes()) {
    if (customerIds && type === "WEBHOOK_FAILING") continue;
    const found = query ? await db.$queryRaw<Cause[]>(sql`SELECT * FROM (${query}) q ${scope} LIMIT ${PER_TYPE}`) : [];
    const keys = found.map((f) => subjectKeyOf(f));
    // Chunks keep each transaction short however many subjects a type has.
    for (let at = 0; at < found.length; at += CHUNK) {
      const chunk = found.slice(at, at + CHUNK);
      summary.opened += await db.$transaction((tx) => observeIssues(tx, type, chunk, "system:detector"));
    }
    if (found.length < PER_TYPE)
      summary.resolved += await db.$transaction((tx) =>
        resolveIssues(tx, { type, customerIds, keepSubjectKeys: keys, by: "system:detector" }),
      );
  }
  return summary;
}
