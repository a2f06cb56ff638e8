import "server-only";
// Issue 24 point 1: GET /api/metrics, in Prometheus text. The figures every instance shares (jobs by kind and
// state, queue depth and its oldest age, notifications and their lag, LinkedIn budget left per resource,
// webhook and email backlogs) are read from the database at each scrape, by indexed queries, so every instance
// answers the same; this instance's own counters (lib/metrics/registry.ts) are added to them. Each metric and
// what to alert on is in docs/OPERATIONS.md.
import { Gauge, Registry } from "prom-client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { utcDay } from "@/lib/linkedin/backoff";
import { limitedResourceOf, RESOURCE_DAILY_LIMITS } from "@/lib/linkedin/endpoints";
import { metrics } from "@/lib/metrics/registry";

type Row = Record<string, string | number | bigint | Date | null>;

const seconds = (since: Date | null | undefined, now: Date) =>
  since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0;

/** What the database says at this scrape, one query per subject. */
async function readShared(now: Date) {
  const [jobs, queue, notifications, notificationLag, calls, deliveries, emails] = await Promise.all([
    db.$queryRaw<{ kind: string; status: string; n: bigint }[]>`
      SELECT "kind"::text AS kind, "status"::text AS status, count(*) AS n FROM "Job" GROUP BY 1, 2`,
    // Served by Job(status, kind, createdAt).
    db.$queryRaw<{ kind: string; n: bigint; oldest: Date | null }[]>`
      SELECT "kind"::text AS kind, count(*) AS n, min("createdAt") AS oldest FROM "Job"
      WHERE "status" IN ('QUEUED', 'RETRYING') GROUP BY 1`,
    db.$queryRaw<{ state: string; n: bigint }[]>`
      SELECT "processingState"::text AS state, count(*) AS n FROM "Notification" GROUP BY 1`,
    // Served by Notification(processingState, receivedAt).
    db.$queryRaw<{ oldest: Date | null }[]>`
      SELECT min("receivedAt") AS oldest FROM "Notification" WHERE "processingState" IN ('PENDING', 'PROCESSING')`,
    db.linkedInCallCount.findMany({ where: { day: new Date(`${utcDay(now)}T00:00:00.000Z`) } }),
    // Served by WebhookDelivery(state, nextAttemptAt) and (endpointId, state).
    db.$queryRaw<{ state: string; n: bigint; oldest: Date | null }[]>`
      SELECT "state"::text AS state, count(*) AS n, min("createdAt") AS oldest FROM "WebhookDelivery"
      WHERE "state" IN ('PENDING', 'FAILED') GROUP BY 1`,
    // Served by Email(status, nextAttemptAt); SENT and SUPPRESSED are history, not a backlog.
    db.$queryRaw<{ status: string; n: bigint; oldest: Date | null }[]>`
      SELECT "status"::text AS status, count(*) AS n, min("createdAt") AS oldest FROM "Email"
      WHERE "status" IN ('QUEUED', 'SENDING', 'FAILED') GROUP BY 1`,
  ]);
  return { jobs, queue, notifications, notificationLag: notificationLag[0]?.oldest ?? null, calls, deliveries, emails };
}

/** Per limited resource (L17): the least budget any application has left today, its calls and its refusals. */
function budgets(calls: Awaited<ReturnType<typeof readShared>>["calls"]) {
  const byApp = new Map<string, { resource: string; used: number; errors: number; rateLimited: number }>();
  for (const c of calls) {
    const resource = limitedResourceOf(c.endpoint) ?? c.endpoint;
    const key = `${c.clientId}\u0000${resource}`;
    const acc = byApp.get(key) ?? { resource, used: 0, errors: 0, rateLimited: 0 };
    acc.used += c.count;
    acc.errors += c.errorCount;
    acc.rateLimited += c.rateLimitedCount;
    byApp.set(key, acc);
  }
  const byResource = new Map<string, { left: number; used: number; errors: number; rateLimited: number }>();
  for (const a of byApp.values()) {
    const limit = RESOURCE_DAILY_LIMITS[a.resource] ?? env().LINKEDIN_DAILY_CALL_BUDGET;
    const r = byResource.get(a.resource) ?? { left: limit, used: 0, errors: 0, rateLimited: 0 };
    r.left = Math.min(r.left, Math.max(0, limit - a.used));
    r.used += a.used;
    r.errors += a.errors;
    r.rateLimited += a.rateLimited;
    byResource.set(a.resource, r);
  }
  return byResource;
}

function gauges(registry: Registry) {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    jobs: gauge("onramp_jobs", "Tracked jobs by kind and state (tracker rows kept by retention)", ["kind", "state"]),
    queueDepth: gauge("onramp_job_queue_depth", "Jobs waiting to run (QUEUED or RETRYING), by kind", ["kind"]),
    queueAge: gauge("onramp_job_queue_oldest_age_seconds", "Age of the oldest job waiting to run, by kind", ["kind"]),
    notifications: gauge("onramp_notifications", "Stored notifications by processing state", ["state"]),
    notificationLag: gauge(
      "onramp_notification_lag_seconds",
      "Age of the oldest notification not yet processed (0 when none waits)",
      [],
    ),
    budgetLeft: gauge(
      "onramp_linkedin_budget_left",
      "Least daily calls any application has left today on the resource (L17)",
      ["resource"],
    ),
    callsToday: gauge("onramp_linkedin_calls_today", "Calls to the resource today (UTC), every instance", ["resource"]),
    errorsToday: gauge("onramp_linkedin_errors_today", "Refused or failed calls today (UTC), by kind", [
      "resource",
      "kind",
    ]),
    deliveries: gauge("onramp_webhook_deliveries", "Webhook deliveries pending or failed", ["state"]),
    deliveryLag: gauge("onramp_webhook_delivery_lag_seconds", "Age of the oldest pending webhook delivery", []),
    emails: gauge("onramp_emails", "Emails queued, being sent or failed", ["status"]),
    emailLag: gauge("onramp_email_lag_seconds", "Age of the oldest queued email", []),
  };
}

function set<L extends string>(g: Gauge<L>, rows: Row[], labels: (r: Row) => Partial<Record<L, string>>, key = "n") {
  for (const r of rows) g.set(labels(r), Number(r[key] ?? 0));
}

/** The Prometheus text of this scrape and its content type. */
export async function renderMetrics(now: Date = new Date()): Promise<{ text: string; contentType: string }> {
  const shared = await readShared(now);
  const registry = new Registry();
  const g = gauges(registry);
  set(g.jobs, shared.jobs, (r) => ({ kind: String(r.kind), state: String(r.status) }));
  set(g.queueDepth, shared.queue, (r) => ({ kind: String(r.kind) }));
  for (const q of shared.queue) g.queueAge.set({ kind: q.kind }, seconds(q.oldest, now));
  set(g.notifications, shared.notifications, (r) => ({ state: String(r.state) }));
  g.notificationLag.set(seconds(shared.notificationLag, now));
  for (const [resource, b] of budgets(shared.calls)) {
    g.budgetLeft.set({ resource }, b.left);
    g.callsToday.set({ resource }, b.used);
    g.errorsToday.set({ resource, kind: "error" }, b.errors);
    g.errorsToday.set({ resource, kind: "rate_limited" }, b.rateLimited);
  }
  set(g.deliveries, shared.deliveries, (r) => ({ state: String(r.state) }));
  g.deliveryLag.set(seconds(shared.deliveries.find((d) => d.state === "PENDING")?.oldest, now));
  set(g.emails, shared.emails, (r) => ({ status: String(r.status) }));
  g.emailLag.set(seconds(shared.emails.find((e) => e.status === "QUEUED")?.oldest, now));
  const merged = Registry.merge([metrics().registry, registry]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}
