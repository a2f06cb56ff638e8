// Rows in every table the accessibility spec opens, made by the spec itself (a customer of its own with its
// admin, integrations, one also held by another customer, history, jobs, notifications, flow steps, an anomaly,
// refused keys, calls today, an audit entry and an API token), so axe checks filled tables whatever other specs did
// or did not create.
import { randomBytes } from "node:crypto";
import { e2eSql } from "./env";
import { createCustomer } from "./helpers";

export type A11yRows = { customerId: string; adminEmail: string };

export async function createRowsForEveryTable(): Promise<A11yRows> {
  const run = randomBytes(4).toString("hex");
  const sql = e2eSql;
  const customer = await createCustomer("A11y");
  const customerId = customer.id;
  // Keys LinkedIn refused once (issues: "keys refused").
  await sql(
    `UPDATE "CustomerApplication" SET "lastAuthError" = 'LinkedIn refused the keys (401).', "lastAuthErrorAt" = now() WHERE "customerId" = $1`,
    [customerId],
  );
  // One integration stuck since long ago (issues: "stuck", sorted oldest first), one enabled today.
  for (const [suffix, status, since] of [
    ["stuck", "REQUESTED", "2000-01-01T00:00:00Z"],
    ["enabled", "ENABLED", new Date().toISOString()],
  ] as const) {
    const id = `e2e-a11y-${suffix}-${run}`;
    await sql(
      `INSERT INTO "Integration" (id, "customerId", "integrationContext", "integrationType", "tenantType", name, "onboardingStatus", "statusChangedAt", "updatedAt")
       VALUES ($1, $2, $3, 'RECRUITER_SYSTEM_CONNECT', 'RECRUITER', $4, $5::"OnboardingStatus", $6, now())`,
      [id, customerId, `urn:li:organization:a11y${suffix}${run}`, `A11y ${run} ${suffix} integration`, status, since],
    );
    await sql(
      `INSERT INTO "IntegrationStatusChange" (id, "integrationId", "fromStatus", "toStatus", source) VALUES ($1, $2, NULL, $3::"OnboardingStatus", 'WIDGET')`,
      [`${id}-h`, id, status],
    );
  }
  await sql(
    `INSERT INTO "Job" (id, kind, status, "customerId", attempts, "maxAttempts", "lastError", payload, "finishedAt", "updatedAt")
     VALUES ($1, 'SYNC_NAMES', 'FAILED', $3, 5, 5, 'LinkedIn answered 503 five times.', $4, now(), now()),
            ($2, 'SYNC_CONFIGURATIONS', 'SUCCEEDED', $3, 1, 5, NULL, $4, now(), now())`,
    [`e2e-a11y-job-failed-${run}`, `e2e-a11y-job-ok-${run}`, customerId, JSON.stringify({ customerId })],
  );
  // One integration LinkedIn confirmed for this customer and for another (issues: "held by two customers").
  const twin = await createCustomer("A11y twin");
  for (const holder of [customerId, twin.id])
    await sql(
      `INSERT INTO "Integration" (id, "customerId", "integrationContext", "integrationType", "tenantType", name, "updatedAt")
       VALUES ($1, $2, $3, 'ONE_CLICK_EXPORT', 'RECRUITER', $4, now())`,
      [`e2e-a11y-held-${holder}`, holder, `urn:li:organization:a11yheld${run}`, `A11y ${run} held integration`],
    );
  const failedNotification = `e2e-a11y-n-failed-${run}`;
  await sql(
    `INSERT INTO "Notification" (id, "customerId", "linkedinId", type, "rawBody", "signatureValid", "processingState", attempts, "lastError")
     VALUES ($1, $3, $4, 'INTEGRATION_STATUS_CHANGE', '{}', true, 'FAILED', 5, 'The lookup failed five times.'),
            ($2, $3, $5, 'INTEGRATION_STATUS_CHANGE', '{}', true, 'PROCESSED', 1, NULL)`,
    [failedNotification, `e2e-a11y-n-ok-${run}`, customerId, `a11y-n1-${run}`, `a11y-n2-${run}`],
  );
  await sql(
    `INSERT INTO "Anomaly" (id, "customerId", "notificationId", kind, message) VALUES ($1, $2, $3, 'UNKNOWN_INTEGRATION', 'A notification named an integration Onramp does not know.')`,
    [`e2e-a11y-anomaly-${run}`, customerId, failedNotification],
  );
  await sql(
    `INSERT INTO "LinkedInCallCount" ("clientId", endpoint, day, count) VALUES ($1, 'GET /v2/atsIntegrations?ids', (now() AT TIME ZONE 'UTC')::date, 12)`,
    [customer.clientId],
  );
  await sql(
    `INSERT INTO "AuditLog" (id, "actorLabel", action, "targetType", "targetId", "customerId") VALUES ($1, 'support@onramp.test', 'job.retried', 'Job', $2, $3)`,
    [`e2e-a11y-audit-${run}`, `e2e-a11y-job-failed-${run}`, customerId],
  );
  // The customer page's flow steps and its timeline (issue 22): a visit whose LinkedIn script failed.
  await sql(
    `INSERT INTO "FlowStep" (id, "customerId", "visitId", step, outcome, reason)
     VALUES ($1, $3, $4, 'PAGE_OPENED', 'OK', NULL), ($2, $3, $4, 'LINKEDIN_SCRIPT', 'FAILED', 'SCRIPT_UNREACHABLE')`,
    [`e2e-a11y-flow-open-${run}`, `e2e-a11y-flow-script-${run}`, customerId, `a11y-visit-${run}`],
  );
  // The customer page's emails (issue 14): one sent, one refused by the SMTP server.
  await sql(
    `INSERT INTO "Email" (id, "customerId", "toAddress", template, cause, data, status, attempts, "messageId", "unsubscribeKey", subject,
                          "smtpResponse", "lastError", "sentAt", "updatedAt")
     VALUES ($1, $3, 'admin@a11y.test', 'PARTNER_READY', $4, '{}', 'SENT', 1, $5, $6, 'Your turn', '250 OK', NULL, now(), now()),
            ($2, $3, 'gone@a11y.test', 'INVITATION', $4, '{}', 'FAILED', 1, $7, $8, NULL, '550 Mailbox unavailable', 'Not delivered', NULL, now())`,
    [
      `e2e-a11y-email-sent-${run}`,
      `e2e-a11y-email-failed-${run}`,
      customerId,
      `a11y:${run}`,
      `<sent-${run}@a11y>`,
      `a11y-unsub-sent-${run}-0123456789`,
      `<failed-${run}@a11y>`,
      `a11y-unsub-failed-${run}-0123456789`,
    ],
  );
  await sql(
    `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scopes) VALUES ($1, $2, $3, $4, '{integrations:read}')`,
    [`e2e-a11y-token-${run}`, `A11y token ${run}`, randomBytes(32).toString("hex"), `onr_${run}`],
  );
  // A webhook endpoint disabled after failing (its banner), with a failed delivery and its attempt (issue 12).
  const endpointId = `e2e-a11y-wh-${run}`;
  await sql(
    `INSERT INTO "WebhookEndpoint" (id, url, "eventTypes", "secretEnc", "failingSince", "disabledAt", "disabledReason", "updatedAt")
     VALUES ($1, $2, '{}', 'not-a-real-envelope', now() - interval '4 days', now(), 'Disabled automatically: every delivery failed for 72 hours.', now())`,
    [endpointId, `https://a11y-${run}.invalid/hooks`],
  );
  const [event] = await sql<{ id: string }>(
    `INSERT INTO "Event" (txid, type, "customerId", data) VALUES (pg_current_xact_id()::text::bigint, 'linkedin.push', $1, '{}') RETURNING id::text`,
    [customerId],
  );
  await sql(
    `INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", state, attempts, "lastStatus") VALUES ($1, $2, $3, 'FAILED', 1, 503)`,
    [`e2e-a11y-wd-${run}`, endpointId, event!.id],
  );
  await sql(
    `INSERT INTO "WebhookAttempt" (id, "deliveryId", attempt, status, "latencyMs", "responseSnippet") VALUES ($1, $2, 1, 503, 12, 'Service Unavailable')`,
    [`e2e-a11y-wa-${run}`, `e2e-a11y-wd-${run}`],
  );
  return { customerId, adminEmail: customer.adminEmail };
}
