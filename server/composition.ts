import "server-only";
// The process's composition root (issue 21 point 2): the ONE list of every schedule and every polling loop an
// Onramp process runs, and (./jobs.ts) of every job kind's handler. Domains define their work beside their logic
// (defineJob in lib/<domain>/jobs.ts; the ticks and rounds the schedules and loops here call) and queue it through
// lib/jobs, the engine, which imports no domain; only this folder binds them together. Nothing in lib/ imports
// server/ (.dependency-cruiser.cjs, rule lib-not-to-server). Started by ./worker.ts.
import { onEmailTick, startDeliveryKick, EMAIL_TICK_QUEUE } from "@/lib/email/schedule";
import { runHealthChecks } from "@/lib/customers/health-check";
import { canRenderEmail } from "@/lib/email/templates/render";
import { env } from "@/lib/env";
import { defineLoop } from "@/lib/jobs/loop";
import { defineSchedule } from "@/lib/jobs/schedule";
import { logger } from "@/lib/log/logger";
import { onPollTick, POLL_SCHEDULE_QUEUE, pollCron } from "@/lib/onboarding-status/schedule";
import { detectIssues } from "@/lib/support/issue-detector";
import { onRetentionTick, RETENTION_CRON, RETENTION_QUEUE } from "@/lib/retention/schedule";
import { deliverDue } from "@/lib/webhooks/send";
import { RECONCILE_QUEUE, runReconcilePass } from "./reconcile-pass";

/** The hourly (POLL_INTERVAL_MINUTES) fallback poll (C28): each tick queues a tracked POLL_STATUS job. */
export const fallbackPoll = defineSchedule({
  queue: POLL_SCHEDULE_QUEUE,
  cron: () => pollCron(env().POLL_INTERVAL_MINUTES)?.cron ?? null,
  tick: async () => {
    await onPollTick();
  },
  started: (cron) => logger().info({ cron, minutes: env().POLL_INTERVAL_MINUTES }, "fallback poll scheduled"),
});

/** Every minute: jobs whose worker died become FAILED, and the work they left is queued again. */
export const reconcilePass = defineSchedule({
  queue: RECONCILE_QUEUE,
  cron: () => "* * * * *",
  tick: async () => {
    const summary = await runReconcilePass();
    logger().debug(summary, "reconcile pass");
  },
});

/** The email sweep (issue 14): reminders, the digest, and delivery of the email outbox. */
export const emailSweep = defineSchedule({
  queue: EMAIL_TICK_QUEUE,
  cron: () => "* * * * *",
  tick: onEmailTick,
  refusal: async () =>
    (await canRenderEmail()) ? null : "this process can not render emails (react-server condition)",
  started: () => {
    startDeliveryKick();
    logger().info({ smtp: env().SMTP_URL ? "configured" : "not set" }, "email delivery scheduled");
  },
});

/**
 * Issue 22 point 2: every 10 minutes the customer applications due a key check (HEALTH_CHECK_INTERVAL_HOURS since
 * their last, default daily) ask LinkedIn for a token, at most HEALTH_CHECK_BATCH per tick; off at 0.
 */
export const keysHealthCheck = defineSchedule({
  queue: "onramp.health_check",
  cron: () => (env().HEALTH_CHECK_INTERVAL_HOURS > 0 ? "*/10 * * * *" : null),
  tick: async () => {
    await runHealthChecks();
  },
});

/** Issue 22 point 1: every 5 minutes the live conditions become issue records, and cleared ones resolve themselves. */
export const issueDetector = defineSchedule({
  queue: "onramp.issue_detector",
  cron: () => "*/5 * * * *",
  tick: async () => {
    const summary = await detectIssues();
    logger().debug(summary, "issue detector pass");
  },
});

/** Issue 24 point 4: records older than their retention (RETENTION_*_DAYS) are deleted, in small batches. */
export const retentionSweep = defineSchedule({
  queue: RETENTION_QUEUE,
  cron: () => RETENTION_CRON,
  tick: onRetentionTick,
});

export const SCHEDULES = [fallbackPoll, reconcilePass, emailSweep, keysHealthCheck, issueDetector, retentionSweep];

/** Issue 12: delivers the event outbox to the vendor's endpoints, WEBHOOK_CONCURRENCY deliveries at a time. */
export const webhookDeliveries = defineLoop({
  name: "webhook deliveries",
  lanes: () => env().WEBHOOK_CONCURRENCY,
  idleMs: () => env().WEBHOOK_POLL_MS,
  round: () => deliverDue({ limit: 1 }),
});

export const LOOPS = [webhookDeliveries];
