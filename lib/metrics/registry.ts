import "server-only";
// Issue 24 point 1: the process's Prometheus registry (prom-client) and its counters. Counters count what THIS
// instance did since it started (calls to LinkedIn, sign-in failures, deliveries); Prometheus sums them over the
// instances. Figures that are the same for every instance (queue depth, lag, budget left) are not counted here:
// they are read from the database when scraped (lib/support/metrics.ts), so several instances never disagree.
// Imports no domain: every domain may count through it. docs/OPERATIONS.md lists each metric with its alert.
import { Counter, collectDefaultMetrics, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "onramp_" });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    linkedInCalls: counter(
      "onramp_linkedin_calls_total",
      "Attempts of calls to LinkedIn by endpoint label and outcome",
      ["endpoint", "outcome"],
    ),
    notificationsReceived: counter(
      "onramp_notifications_received_total",
      "LinkedIn pushes stored (a redelivery of a stored id is answered but not counted)",
      [],
    ),
    notificationsProcessed: counter(
      "onramp_notifications_processed_total",
      "Notifications processed by this instance, by outcome",
      ["outcome"],
    ),
    jobsFinished: counter("onramp_job_runs_total", "Job attempts this instance ran, by kind and outcome", [
      "kind",
      "outcome",
    ]),
    webhookAttempts: counter("onramp_webhook_attempts_total", "Webhook delivery attempts, by outcome", ["outcome"]),
    emailAttempts: counter("onramp_email_attempts_total", "Email delivery attempts, by outcome", ["outcome"]),
    signInFailures: counter("onramp_sign_in_failures_total", "Refused sign-ins, by reason", ["reason"]),
  };
}

export type OnrampMetrics = ReturnType<typeof createMetrics>;

/** The process's one set of metrics (globalThis: Next bundles modules separately). */
export function metrics(): OnrampMetrics {
  globalThis.onrampMetrics ??= createMetrics();
  return globalThis.onrampMetrics;
}
