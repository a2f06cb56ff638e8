// Test rows and sandbox set-up for the notification and status tests: a customer known to Onramp and
// to the sandbox with the same keys, and integrations requested on both sides.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import type { OnboardingStatus } from "@/lib/db/enums";
import { eventually } from "@/test/eventually";

export type SandboxAdmin = <T = unknown>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown) => Promise<T>;

export function sandboxAdmin(baseUrl: () => string): SandboxAdmin {
  return async <T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl()}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox admin ${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

export type TestTuple = { integrationContext: string; integrationType: string; tenantType: string };

export function newTuple(n = 0): TestTuple {
  return {
    integrationContext: `urn:li:organization:t${randomUUID().slice(0, 8)}${n}`,
    integrationType: "ONE_CLICK_EXPORT",
    tenantType: "RECRUITER",
  };
}

/** A customer whose application both Onramp and the sandbox know (C1: keys entered by hand). */
export async function testCustomer(admin: SandboxAdmin) {
  const clientId = `ntf-${randomUUID()}`;
  const clientSecret = `ntf-secret-${randomUUID()}`;
  await admin("POST", "/applications", { clientId, clientSecret });
  const app = await createTestApplication({ clientId, clientSecret });
  const customer = await db.customer.findUniqueOrThrow({ where: { id: app.customerId } });
  return { ...app, callbackKey: customer.callbackKey };
}

/**
 * An integration requested in the widget: authorized in the sandbox and moved there to `linkedin`,
 * and in Onramp's database with status `onramp` (what Onramp last knew; same as LinkedIn by default).
 */
export async function requestedIntegration(
  admin: SandboxAdmin,
  c: { customerId: string; clientId: string },
  tuple: TestTuple = newTuple(),
  linkedin: OnboardingStatus = "REQUESTED",
  onramp: OnboardingStatus = linkedin,
) {
  await admin("POST", "/integrations", { clientId: c.clientId, ...tuple });
  if (linkedin !== "REQUESTED")
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: linkedin, force: true });
  const integration = await db.integration.create({
    data: { customerId: c.customerId, ...tuple, name: `Test ${tuple.integrationContext}`, onboardingStatus: onramp },
  });
  return { integration, tuple };
}

/**
 * Cancels the queue job behind tracked jobs a test queued but runs itself, so that no worker of
 * another test file (same database, other LinkedIn stand-in) picks them up.
 */
export async function cancelQueuedJobs(where: {
  kind: "PROCESS_NOTIFICATION" | "POLL_STATUS" | "RECHECK_STATUS";
  customerId?: string;
  triggeredBy?: string;
}): Promise<void> {
  const { getBoss, queueName } = await import("@/lib/jobs/boss");
  const jobs = await db.job.findMany({ where: { ...where, status: "QUEUED" }, select: { id: true, queueJobId: true } });
  const boss = await getBoss();
  for (const j of jobs) if (j.queueJobId) await boss.cancel(queueName(where.kind), j.queueJobId);
  await db.job.updateMany({
    where: { id: { in: jobs.map((j) => j.id) } },
    data: { status: "CANCELLED", lastError: "Run by the test itself." },
  });
}

/**
 * Has the sandbox push `body` to the customer's callback on `callbackUrlFor` (a callback server of the test's) and
 * answers the notification Onramp stored once LinkedIn's side saw it delivered.
 */
export async function pushedFromSandbox(
  admin: SandboxAdmin,
  callbackUrlFor: (callbackKey: string) => string,
  c: { clientId: string; callbackKey: string; customerId: string },
  body: Record<string, unknown>,
) {
  const sent = await admin<{ notificationId: string }>("POST", "/notifications", {
    clientId: c.clientId,
    url: callbackUrlFor(c.callbackKey),
    ...body,
  });
  const attempt = await eventually("LinkedIn's delivery of the push", async () => {
    const { notifications } = await admin<{
      notifications: { notificationId: string; id: string | null; outcome: string }[];
    }>("GET", "/notifications");
    return notifications.find((a) => a.notificationId === sent.notificationId && a.outcome === "delivered");
  });
  const linkedinId = attempt.id;
  if (!linkedinId) throw new Error("the sandbox delivered a push without an id");
  return db.notification.findUniqueOrThrow({
    where: { customerId_linkedinId: { customerId: c.customerId, linkedinId } },
  });
}
