// `npm run seed:large` (issue #6): a large data set for the demo and the console benchmark: 2,000
// customers, 20,000 integrations with their status history, 200,000 notifications, 20,000 jobs, open
// anomalies, refused keys, today's LinkedIn call counts and 50,000 audit entries. Generated inside
// PostgreSQL with INSERT … SELECT generate_series (seconds, not the minutes row-by-row inserts take).
// Every row's id starts with "lg-", so a re-run replaces the previous large set and leaves the demo
// data alone. Secrets are placeholders that decrypt to nothing: these customers can not call LinkedIn.
//
// Target: DATABASE_URL, or (unset) the embedded PostgreSQL of `npm run demo` in .data/pg (stop the
// demo first: one command per data folder, scripts/stack/data-lock.ts says so when it runs).
import { join, resolve } from "node:path";
import pg from "pg";
import { launcherEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { lockDataFolder } from "./stack/data-lock";
import { failureOutput } from "./stack/failure";

export const LARGE = {
  customers: 2000,
  customersWithIntegrations: 1800,
  integrations: 20_000,
  notifications: 200_000,
  jobs: 20_000,
  audit: 50_000,
  anomalies: 300,
  /** Visits of each customer's admins to the integrations page (issue 22). */
  flowVisits: 3,
  /** Support issues (issue 22): one in three open, a few snoozed, the rest resolved; three per customer. */
  supportIssues: 6000,
} as const;

const say = (line: string) => console.log(`[seed:large] ${line}`);

const STEPS: [string, string][] = [
  [
    "removing the previous large set",
    `
    DELETE FROM "AuditLog" WHERE "id" LIKE 'lg-%';
    DELETE FROM "LinkedInCallCount" WHERE "clientId" LIKE 'lg-%';
    DELETE FROM "Customer" WHERE "id" LIKE 'lg-%';
    SELECT setseed(0.42);`,
  ],
  [
    "customers and their applications",
    `
    INSERT INTO "Customer" ("id", "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "createdAt", "updatedAt")
    SELECT 'lg-c-' || lpad(g::text, 5, '0'),
           (ARRAY['Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'])[1 + g % 8] || ' ' || lpad(g::text, 5, '0'),
           'large-' || g,
           ARRAY['RECRUITER_SYSTEM_CONNECT_COMPANY', 'APPLY_CONNECT'],
           'lg-cb-' || md5('cb' || g::text || random()::text),
           now() - (g % 365) * interval '1 day', now()
    FROM generate_series(1, ${LARGE.customers}) g;

    INSERT INTO "CustomerApplication" ("id", "customerId", "clientId", "clientSecretEnc", "clientSecretHint", "origin",
                                       "lastAuthError", "lastAuthErrorAt", "lastVerifiedAt", "rateLimitedUntil", "createdAt", "updatedAt")
    SELECT 'lg-app-' || g, 'lg-c-' || lpad(g::text, 5, '0'), 'lg-client-' || g, 'seed-large:placeholder', '0000',
           (CASE WHEN g % 3 = 0 THEN 'PROVISIONED' ELSE 'MANUAL' END)::"ApplicationOrigin",
           CASE WHEN g % 50 = 0 THEN 'LinkedIn refused these keys (401 Unauthorized): an operator must re-enter them.' END,
           CASE WHEN g % 50 = 0 THEN now() - (g % 72) * interval '1 hour' END,
           now() - (g % 30) * interval '1 day',
           CASE WHEN g % 97 = 0 THEN now() + interval '2 hours' END,
           now(), now()
    FROM generate_series(1, ${LARGE.customers}) g;`,
  ],
  [
    "integrations",
    `
    INSERT INTO "Integration" ("id", "customerId", "integrationContext", "integrationType", "tenantType", "name",
                               "onboardingStatus", "statusChangedAt", "statusSource", "nameVersion", "nameSyncedVersion",
                               "nameSyncState", "nameSyncError", "nameSyncAttempts", "configSyncState", "configSyncError",
                               "lastCheckedAt", "createdAt", "updatedAt")
    SELECT 'lg-i-' || lpad(g::text, 6, '0'), 'lg-c-' || lpad(c::text, 5, '0'),
           'urn:li:' || (CASE WHEN g % 4 = 0 THEN 'contract' ELSE 'organization' END) || ':lg' || g,
           t.type, t.tenant, 'Integration ' || g || ' (' || t.type || ')',
           s.status::"OnboardingStatus", s.changed,
           (CASE s.status WHEN 'REQUESTED' THEN 'WIDGET' WHEN 'PARTNER_READY' THEN 'POLL' ELSE (CASE WHEN r3 < 0.8 THEN 'PUSH' ELSE 'POLL' END) END)::"StatusSource",
           1, CASE WHEN r3 < 0.03 THEN 0 ELSE 1 END,
           (CASE WHEN r3 < 0.03 THEN 'FAILED' ELSE 'SYNCED' END)::"SyncState",
           CASE WHEN r3 < 0.03 THEN 'LinkedIn refused the name: integrationName is too long.' END,
           CASE WHEN r3 < 0.03 THEN 5 ELSE 1 END,
           (CASE WHEN r3 >= 0.03 AND r3 < 0.05 THEN 'FAILED' ELSE 'SYNCED' END)::"SyncState",
           CASE WHEN r3 >= 0.03 AND r3 < 0.05 THEN 'LinkedIn answered 500 to the configuration write five times.' END,
           s.changed + interval '10 minutes', s.created, now()
    FROM (SELECT g, ((g - 1) % ${LARGE.customersWithIntegrations}) + 1 AS c, random() AS r1, random() AS r2, random() AS r3
          FROM generate_series(1, ${LARGE.integrations}) g) x
    CROSS JOIN LATERAL (SELECT (ARRAY['ONE_CLICK_EXPORT', 'IN_ATS_INDICATOR', 'PROFILE_PLUGIN', 'APPLY_CONNECT', 'APPLY_WITH_LINKEDIN'])[1 + g % 5] AS type,
                               CASE WHEN g % 5 >= 3 THEN 'JOBS' ELSE 'RECRUITER' END AS tenant) t
    CROSS JOIN LATERAL (SELECT CASE WHEN r1 < 0.25 THEN 'REQUESTED' WHEN r1 < 0.45 THEN 'PARTNER_READY' ELSE 'ENABLED' END AS status,
                               now() - r2 * interval '30 days' AS changed,
                               now() - r2 * interval '30 days' - interval '3 days' AS created) s;`,
  ],
  [
    "status history",
    `
    INSERT INTO "IntegrationStatusChange" ("id", "integrationId", "fromStatus", "toStatus", "source", "createdAt")
    SELECT 'lg-h1-' || i."id", i."id", NULL, 'REQUESTED', 'WIDGET', i."createdAt" FROM "Integration" i WHERE i."id" LIKE 'lg-%';
    INSERT INTO "IntegrationStatusChange" ("id", "integrationId", "fromStatus", "toStatus", "source", "createdAt")
    SELECT 'lg-h2-' || i."id", i."id", 'REQUESTED', 'PARTNER_READY', 'POLL',
           CASE WHEN i."onboardingStatus" = 'PARTNER_READY' THEN i."statusChangedAt" ELSE i."statusChangedAt" - interval '1 day' END
    FROM "Integration" i WHERE i."id" LIKE 'lg-%' AND i."onboardingStatus" IN ('PARTNER_READY', 'ENABLED');
    INSERT INTO "IntegrationStatusChange" ("id", "integrationId", "fromStatus", "toStatus", "source", "notificationId", "createdAt")
    SELECT 'lg-h3-' || i."id", i."id", 'PARTNER_READY', 'ENABLED', i."statusSource", NULL, i."statusChangedAt"
    FROM "Integration" i WHERE i."id" LIKE 'lg-%' AND i."onboardingStatus" = 'ENABLED';`,
  ],
  [
    "notifications",
    `
    INSERT INTO "Notification" ("id", "customerId", "linkedinId", "type", "expiresAt", "rawBody", "signatureValid", "receivedAt",
                                "processingState", "attempts", "lastError", "processedAt", "appliedCount")
    SELECT 'lg-n-' || lpad(g::text, 7, '0'), 'lg-c-' || lpad((((g - 1) % ${LARGE.customersWithIntegrations}) + 1)::text, 5, '0'),
           'lg-' || g, n.type, NULL,
           '{"id":"lg-' || g || '","type":"' || n.type || '","expiresAt":0}', true, n.received,
           n.state::"NotificationState",
           CASE WHEN n.state = 'FAILED' THEN 5 WHEN n.state = 'PENDING' THEN 0 ELSE 1 END,
           CASE WHEN n.state = 'FAILED' THEN 'LinkedIn did not answer the status lookup (503) after 5 attempts.' END,
           CASE WHEN n.state IN ('PROCESSED', 'NOT_HANDLED', 'EXPIRED') THEN n.received + interval '2 seconds' END,
           CASE WHEN n.state = 'PROCESSED' AND r2 < 0.7 THEN 1 ELSE 0 END
    FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, ${LARGE.notifications}) g) x
    CROSS JOIN LATERAL (SELECT CASE WHEN r1 < 0.96 THEN 'INTEGRATION_STATUS_CHANGE' ELSE 'EXPORT_CANDIDATE_PROFILE' END AS type,
                               now() - r3 * interval '30 days' AS received,
                               CASE WHEN r1 >= 0.96 THEN 'NOT_HANDLED' WHEN r2 < 0.005 THEN 'FAILED' WHEN r2 < 0.02 THEN 'EXPIRED'
                                    WHEN r2 < 0.025 THEN 'PENDING' ELSE 'PROCESSED' END AS state) n;`,
  ],
  [
    "jobs",
    `
    INSERT INTO "Job" ("id", "kind", "status", "customerId", "attempts", "maxAttempts", "totalCount", "succeededCount", "failedCount",
                       "lastError", "payload", "triggeredBy", "createdAt", "startedAt", "finishedAt", "updatedAt")
    SELECT 'lg-j-' || lpad(g::text, 6, '0'), j.kind::"JobKind", j.status::"JobStatus", 'lg-c-' || lpad(c::text, 5, '0'),
           CASE WHEN j.status = 'FAILED' THEN 5 ELSE 1 END, 5, 10,
           CASE WHEN j.status = 'FAILED' THEN 4 ELSE 10 END, CASE WHEN j.status = 'FAILED' THEN 6 ELSE 0 END,
           CASE WHEN j.status = 'FAILED' THEN 'LinkedIn answered 429 five times; daily limits reset at midnight UTC.' END,
           jsonb_build_object('customerId', 'lg-c-' || lpad(c::text, 5, '0')), 'system:poll', j.created, j.created, j.created + interval '5 seconds', now()
    FROM (SELECT g, ((g - 1) % ${LARGE.customers}) + 1 AS c, random() AS r1, random() AS r2 FROM generate_series(1, ${LARGE.jobs}) g) x
    CROSS JOIN LATERAL (SELECT (ARRAY['SYNC_NAMES', 'SYNC_CONFIGURATIONS', 'PROCESS_NOTIFICATION', 'POLL_STATUS'])[1 + g % 4] AS kind,
                               CASE WHEN r1 < 0.01 THEN 'FAILED' ELSE 'SUCCEEDED' END AS status,
                               now() - r2 * interval '30 days' AS created) j;`,
  ],
  [
    "anomalies",
    `
    INSERT INTO "Anomaly" ("id", "customerId", "notificationId", "kind", "message", "createdAt")
    SELECT 'lg-an-' || g, n."customerId", n."id", 'UNREQUESTED_INTEGRATION',
           'LinkedIn announced an integration this customer never requested in the widget.', n."receivedAt"
    FROM generate_series(1, ${LARGE.anomalies}) g
    JOIN "Notification" n ON n."id" = 'lg-n-' || lpad((g * 601)::text, 7, '0');`,
  ],
  [
    "today's LinkedIn call counts",
    `
    INSERT INTO "LinkedInCallCount" ("clientId", "endpoint", "day", "count", "rateLimitedCount", "errorCount", "lastCallAt")
    SELECT 'lg-client-' || g, e.endpoint, (now() AT TIME ZONE 'UTC')::date, (g * 37 + e.n * 11) % 5200,
           CASE WHEN g % 97 = 0 THEN 3 ELSE 0 END, g % 3, now()
    FROM generate_series(1, ${LARGE.customers}) g
    CROSS JOIN (VALUES (1, 'GET /v2/atsIntegrations?ids'), (2, 'POST /v2/atsIntegrations (batch_partial_update)'), (3, 'GET /v2/atsIntegrations?q=request')) e(n, endpoint);`,
  ],
  [
    "audit log",
    `
    INSERT INTO "AuditLog" ("id", "actorId", "actorLabel", "action", "targetType", "targetId", "customerId", "details", "createdAt")
    SELECT 'lg-a-' || lpad(g::text, 6, '0'), NULL,
           (ARRAY['operator@onramp.test', 'support@onramp.test', 'system:poll', 'api-token:ats-backend'])[1 + g % 4],
           a.action, a.target, 'lg-c-' || lpad(c::text, 5, '0'), 'lg-c-' || lpad(c::text, 5, '0'), jsonb_build_object('seed', 'large'),
           now() - random() * interval '60 days'
    FROM (SELECT g, ((g - 1) % ${LARGE.customers}) + 1 AS c FROM generate_series(1, ${LARGE.audit}) g) x
    CROSS JOIN LATERAL (SELECT (ARRAY['customer.updated', 'integration.recheck_requested', 'job.retried', 'status.poll_requested', 'customer.keys_replaced'])[1 + g % 5] AS action,
                               'Customer' AS target) a;`,
  ],
  [
    // Issue 22: three visits per customer (page opened, LinkedIn's script, one in eleven failed, and every visit of one
    // customer in 21, who stops there), then the steps the server saw up to each customer's furthest one (1 + g % 7).
    "onboarding flow steps",
    `
    INSERT INTO "FlowStep" ("id", "customerId", "visitId", "step", "outcome", "reason", "at")
    SELECT 'lg-f-' || g || '-' || v || '-' || s.pos, 'lg-c-' || lpad(g::text, 5, '0'),
           CASE WHEN s.pos <= 2 THEN 'lg-v-' || g || '-' || v END,
           (enum_range(NULL::"FlowStepKind"))[s.pos],
           (CASE WHEN s.pos = 2 AND ((g + v) % 11 = 0 OR g % 21 = 1) THEN 'FAILED' ELSE 'OK' END)::"FlowOutcome",
           (CASE WHEN s.pos = 2 AND ((g + v) % 11 = 0 OR g % 21 = 1) THEN 'PLUGIN_DID_NOT_RENDER' END)::"FlowReason",
           now() - interval '90 days' + (g % 60 + v) * interval '1 day' + s.pos * s.pos * (1 + g % 13) * interval '1 minute'
    FROM generate_series(1, ${LARGE.customers}) g
    CROSS JOIN generate_series(1, ${LARGE.flowVisits}) v
    CROSS JOIN generate_series(1, 7) s(pos)
    WHERE s.pos <= 1 + g % 7 AND (s.pos <= 2 OR v = ${LARGE.flowVisits});`,
  ],
  [
    // Issue 22: issue records of three customer-level types, one of each per customer, in every state; seen over 60 days.
    "support issues",
    `
    INSERT INTO "SupportIssue" ("id", "type", "subjectKey", "customerId", "detail", "state", "firstSeenAt", "lastSeenAt",
                                "occurrences", "snoozedUntil", "resolvedAt", "changedBy", "changedAt", "createdAt")
    SELECT 'lg-si-' || g, t.type, 'customer:' || c.id, c.id, 'Seen by the large seed', x.state,
           x.seen - interval '3 days', x.seen, 1 + g % 9,
           CASE WHEN x.state = 'SNOOZED' THEN now() + interval '2 days' END,
           CASE WHEN x.state = 'RESOLVED' THEN x.seen END,
           CASE WHEN g % 4 = 0 THEN 'support@onramp.test' ELSE 'system:issue-detector' END, x.seen, x.seen - interval '3 days'
    FROM generate_series(1, ${LARGE.supportIssues}) g
    CROSS JOIN LATERAL (SELECT 'lg-c-' || lpad((((g - 1) % ${LARGE.customers}) + 1)::text, 5, '0') AS id) c
    CROSS JOIN LATERAL (SELECT (ARRAY['KEYS_REFUSED', 'WIDGET_CANNOT_LOAD', 'SECRET_DUE'])[1 + (g - 1) / ${LARGE.customers}]::"SupportIssueType" AS type) t
    CROSS JOIN LATERAL (SELECT (CASE WHEN g % 3 = 0 THEN 'OPEN' WHEN g % 17 = 0 THEN 'SNOOZED' ELSE 'RESOLVED' END)::"SupportIssueState" AS state,
                               now() - (g % 60) * interval '1 day' - (g % 1440) * interval '1 minute' AS seen) x;`,
  ],
  [
    "refreshing planner statistics",
    `ANALYZE "Customer", "CustomerApplication", "Integration", "IntegrationStatusChange", "Notification", "Job", "Anomaly", "AuditLog", "LinkedInCallCount", "FlowStep", "SupportIssue";`,
  ],
];

export async function seedLarge(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [label, statement] of STEPS) {
      const started = Date.now();
      await client.query(statement);
      say(`${label} (${Date.now() - started} ms)`);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const le = launcherEnv();
  let databaseUrl = le.DATABASE_URL;
  let stop = async () => {};
  if (!databaseUrl) {
    const dataDir = resolve(le.ONRAMP_DATA_DIR);
    const lock = lockDataFolder(dataDir, "npm run seed:large");
    say(`DATABASE_URL is not set: using the demo's embedded PostgreSQL (data folder ${dataDir})`);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(dataDir, "pg"),
      stopLeftover: true,
      notice: say,
    }).catch((error: unknown) => {
      lock.release();
      throw error;
    });
    databaseUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      lock.release();
    };
  }
  try {
    await migrate({ databaseUrl, log: (m) => say(m) });
    const started = Date.now();
    await seedLarge(databaseUrl);
    say(
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${LARGE.customers} customers, ${LARGE.integrations} integrations, ` +
        `${LARGE.notifications} notifications, ${LARGE.jobs} jobs, ${LARGE.audit} audit entries`,
    );
  } finally {
    await stop();
  }
}

// Run as a script (`npm run seed:large`), not when imported by the benchmark.
if (process.argv[1] && /seed-large\.ts$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error("[seed:large] failed:", failureOutput(e));
      process.exit(1);
    },
  );
}
