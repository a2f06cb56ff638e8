// Issue 24 point 1: GET /api/metrics over real HTTP (the route module served by node:http). Off without
// METRICS_TOKEN, refused without its bearer, and then the figures come from the database (shared by every
// instance) and from this process's counters. The database is shared with other test files running at once, so
// each figure asserted is one only this test's rows can move (its own endpoint label), or a bound they set.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import { env, setProcessEnv } from "@/lib/env";
import { type RouteServer, serveRoutes } from "@/lib/http/test-support/route-server";
import { recordLinkedInCall } from "@/lib/linkedin/call-count";
import { createNotificationRow } from "@/lib/notifications/test-support/notification-row";

const TOKEN = `metrics-${randomUUID()}`;
let server: RouteServer;

beforeAll(async () => {
  server = await serveRoutes([[/^\/api\/metrics$/, metricsRoute]]);
});
afterEach(() => setProcessEnv({ METRICS_TOKEN: undefined }));
afterAll(async () => {
  await server?.close();
  await disconnectDb();
});

const scrape = (authorization?: string) =>
  fetch(`${server.url}/api/metrics`, { headers: authorization ? { authorization } : {} });

/** The value of one series in Prometheus text, e.g. value(text, 'onramp_jobs{kind="X",state="Y"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /api/metrics", () => {
  it("does not exist while METRICS_TOKEN is unset", async () => {
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a request without the token, or with another", async () => {
    setProcessEnv({ METRICS_TOKEN: TOKEN });
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
  });

  it("answers the database's figures and this process's counters to the token", async () => {
    setProcessEnv({ METRICS_TOKEN: TOKEN });
    const endpoint = `GET /metrics-test/${randomUUID()}`;
    const clientId = `metrics-${randomUUID()}`;
    for (const outcome of ["ok", "ok", "error", "rate_limited"] as const)
      await recordLinkedInCall(clientId, endpoint, outcome);
    const customer = await createCustomerRow("Metrics Ltd");
    const dayAgo = new Date(Date.now() - 86_400_000);
    await db.job.create({ data: { kind: "SYNC_APP_DOMAINS", customerId: customer.id, createdAt: dayAgo } });
    await createNotificationRow(customer.id, "PENDING", dayAgo);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const resource = `resource="${endpoint}"`;
    expect(value(text, `onramp_linkedin_calls_today{${resource}}`)).toBe(4);
    expect(value(text, `onramp_linkedin_budget_left{${resource}}`)).toBe(env().LINKEDIN_DAILY_CALL_BUDGET - 4);
    expect(value(text, `onramp_linkedin_errors_today{${resource},kind="error"}`)).toBe(1);
    expect(value(text, `onramp_linkedin_errors_today{${resource},kind="rate_limited"}`)).toBe(1);
    expect(value(text, `onramp_linkedin_calls_total{endpoint="${endpoint}",outcome="ok"}`)).toBe(2);
    expect(value(text, 'onramp_jobs{kind="SYNC_APP_DOMAINS",state="QUEUED"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'onramp_job_queue_depth{kind="SYNC_APP_DOMAINS"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'onramp_job_queue_oldest_age_seconds{kind="SYNC_APP_DOMAINS"}')).toBeGreaterThanOrEqual(86_400);
    expect(value(text, 'onramp_notifications{state="PENDING"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, "onramp_notification_lag_seconds")).toBeGreaterThanOrEqual(86_400);
    expect(value(text, "onramp_webhook_delivery_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(text).toContain("# TYPE onramp_sign_in_failures_total counter");
    expect(text).toContain("onramp_process_resident_memory_bytes");
    await db.job.deleteMany({ where: { customerId: customer.id } });
    await db.customer.delete({ where: { id: customer.id } });
  });
});
