// Environment of what Onramp sends out: webhooks (issue 12), outbound network rules, emails (issue 14) and reminders.
// Part of serverEnvSchema (lib/env.ts, the only reader of process.env; every variable is in .env.example).
import { z } from "zod";
import { boolFromEnv, intFromEnv } from "./fields";

/** Webhook delivery, outbound network rules, email sending, reminders and the digest. */
export const deliveryEnv = {
  /** Webhooks (issue 12): a failing endpoint is disabled after failing this long without a success. */
  WEBHOOK_DISABLE_AFTER_HOURS: intFromEnv(72),
  /** How often an idle webhook sender looks for due deliveries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(20).default(250),
  /** Webhook deliveries one process sends at once. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * Issue 20, point 1: requests to addresses a user set (webhook endpoints) may use plain http and reach
   * private, loopback and link-local addresses (lib/egress). For development only, and shown in the console
   * while on. Off unless set, in every environment (production included); `npm run demo` and the test harnesses
   * turn it on for their local receivers.
   */
  OUTBOUND_ALLOW_PRIVATE_NETWORK: boolFromEnv(false),
  /**
   * Events one replay request may queue to an endpoint, and the most replayed deliveries an endpoint may have
   * waiting (issue 20 item 6): a replay over either is refused with a message.
   */
  WEBHOOK_REPLAY_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Outgoing mail server (issue 14): smtp://user:pass@host:port or smtps://…; empty sends nothing (emails wait, queued). */
  SMTP_URL: z
    .string()
    .default("")
    .refine(
      (v) => v === "" || /^smtps?:\/\/[^\s/]+/.test(v),
      "must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)",
    ),
  /** The sender address of every email; the vendor's name (LINKEDIN_VENDOR_NAME) is its display name. */
  EMAIL_FROM: z
    .email({ error: "must be an email address (onboarding@vendor.example)" })
    .default("onboarding@onramp.test"),
  /** Attempts per email before it is FAILED and shown on the customer page. */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** First retry delay of an email in seconds; doubles each attempt. */
  EMAIL_RETRY_BASE_SECONDS: intFromEnv(60),
  /** An attempt not finished after this long (its worker died) is sent again, with the same Message-ID. */
  EMAIL_SEND_LEASE_SECONDS: z.coerce.number().int().min(10).default(120),
  /** Default days between PARTNER_READY reminders (operators can change it in Settings). */
  NUDGE_REMINDER_DAYS: z.coerce.number().int().min(1).max(90).default(3),
  /** Hour (UTC) from which the daily support digest is sent. */
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
};
