// Test-only access for e2e/notifications.spec.ts: the e2e database (DATABASE_URL, set by
// scripts/test.ts) through plain `pg`, the LinkedIn sandbox's admin API (E2E_SANDBOX_URL), and the
// pieces of Onramp's behaviour a test must reproduce from outside the app (signing as LinkedIn does,
// queuing a poll as the console's "poll now" does); customers of a spec's own come from createCustomer (helpers.ts).
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { configureSandboxCallbackUrl } from "../sandbox/test-support/callback-url";
import { closeE2eSql, e2eEnv, e2eSql } from "./env";
import { createCustomer, type E2eCustomer } from "./helpers";

export { signNotification } from "../lib/notifications/signature";

export const sandboxUrl = (): string => e2eEnv().E2E_SANDBOX_URL;
export const sql = e2eSql;
export async function closeDb(): Promise<void> {
  await closeE2eSql();
}

export async function sandbox<T = unknown>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export type Tuple = { integrationContext: string; integrationType: string; tenantType: string };
export const newTuple = (): Tuple => ({
  integrationContext: `urn:li:organization:e2e${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});

export type Customer = Pick<E2eCustomer, "id" | "callbackKey" | "clientId" | "clientSecret">;

/** A customer of the spec's own, with its keys and callback URL known to Onramp and to the sandbox. */
export async function anotherCustomer(): Promise<E2eCustomer> {
  return createCustomer("E2E Other");
}

/** An integration the customer requested in the widget: in Onramp (status `onramp`) and in the sandbox (status `linkedin`). */
export async function requestedIntegration(
  c: Customer,
  linkedin: "REQUESTED" | "PARTNER_READY" | "ENABLED",
  onramp: "REQUESTED" | "PARTNER_READY",
): Promise<{ id: string; tuple: Tuple }> {
  const tuple = newTuple();
  await sandbox("POST", "/integrations", { clientId: c.clientId, ...tuple });
  if (linkedin !== "REQUESTED")
    await sandbox("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: linkedin, force: true });
  const id = `e2e-int-${randomUUID()}`;
  await sql(
    `INSERT INTO "Integration" ("id", "customerId", "integrationContext", "integrationType", "tenantType", "name", "onboardingStatus", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7::"OnboardingStatus", now())`,
    [
      id,
      c.id,
      tuple.integrationContext,
      tuple.integrationType,
      tuple.tenantType,
      `E2E ${tuple.integrationContext}`,
      onramp,
    ],
  );
  return { id, tuple };
}

/** The CALLBACK_URL configuration (C16) written as Onramp's configuration sync writes it. */
export async function configureCallbackUrl(c: Customer, tuple: Tuple, url: string): Promise<void> {
  await configureSandboxCallbackUrl(sandboxUrl(), c, tuple, url);
}

export async function integration(id: string) {
  const [row] = await sql<{ onboardingStatus: string; statusSource: string; statusNotificationId: string | null }>(
    `SELECT "onboardingStatus"::text, "statusSource"::text, "statusNotificationId" FROM "Integration" WHERE "id" = $1`,
    [id],
  );
  return row;
}

export async function statusChanges(integrationId: string) {
  return sql<{ fromStatus: string; toStatus: string; source: string; notificationId: string | null }>(
    `SELECT "fromStatus"::text, "toStatus"::text, "source"::text, "notificationId" FROM "IntegrationStatusChange" WHERE "integrationId" = $1 ORDER BY "createdAt"`,
    [integrationId],
  );
}

export async function notificationCount(customerId: string): Promise<number> {
  const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Notification" WHERE "customerId" = $1`, [
    customerId,
  ]);
  return Number(row?.n ?? 0);
}

/**
 * Queues a poll of one customer exactly as enqueuePoll (lib/onboarding-status) does — a tracked Job
 * row, then the pg-boss job naming it — because the console's "poll now" button is issue #6's.
 */
export async function pollNow(customerId: string): Promise<string> {
  const jobId = `e2e-poll-${randomUUID()}`;
  await sql(
    `INSERT INTO "Job" ("id", "kind", "customerId", "payload", "triggeredBy", "updatedAt") VALUES ($1, 'POLL_STATUS', $2, $3, 'e2e', now())`,
    [jobId, customerId, JSON.stringify({ customerId })],
  );
  const boss = new PgBoss({
    connectionString: e2eEnv().DATABASE_URL,
    schema: "pgboss",
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  boss.on("error", (err) => console.error("pg-boss (test side):", err));
  await boss.start();
  try {
    const queueJobId = await boss.send("onramp.poll_status", { trackedJobId: jobId });
    await sql(`UPDATE "Job" SET "queueJobId" = $2 WHERE "id" = $1`, [jobId, queueJobId]);
  } finally {
    await boss.stop({ graceful: false });
  }
  return jobId;
}

/** Polls `check` until it answers a value, or fails after `timeoutMs` (no fixed sleeps). */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The path of a customer's own callback URL (C21). */
export const callbackPath = (key: string) => `/api/linkedin/callback/${key}`;

type Attempt = { notificationId: string; id: string | null; attempt: number; status: number | null; outcome: string };

/** The sandbox's delivery attempts of one push (its retries, C23). */
export async function attemptsOf(notificationId: string): Promise<Attempt[]> {
  const { notifications } = await sandbox<{ notifications: Attempt[] }>("GET", "/notifications");
  return notifications.filter((a) => a.notificationId === notificationId);
}
