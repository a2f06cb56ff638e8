// Environment of running Onramp in production (issue 24): the metrics endpoint, traces (OpenTelemetry's own
// OTEL_* variables, read here because lib/env.ts is the only reader of process.env) and how long each kind of
// record is kept. Part of serverEnvSchema; every variable is in .env.example and docs/OPERATIONS.md.
import { z } from "zod";

const days = (def: number) => z.coerce.number().int().min(1).max(36_500).default(def);

/** Metrics, traces and retention. */
export const operationsEnv = {
  /**
   * GET /api/metrics (Prometheus text) answers only a request carrying `Authorization: Bearer <this>`; unset, the
   * endpoint answers 404 as if it did not exist. At least 24 characters: it guards figures about every customer.
   */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters (openssl rand -base64 32)").optional(),
  /** OpenTelemetry (OTLP over HTTP): where traces go, e.g. http://collector:4318. Unset: no tracing at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** The full traces URL, when it is not OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Extra headers for the exporter, "key=value,key2=value2" (an API key of the collector). */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  /** "otlp" (the default once an endpoint is set) or "none" to switch tracing off. */
  OTEL_TRACES_EXPORTER: z.enum(["otlp", "none"]).optional(),
  /** The service name traces carry. */
  OTEL_SERVICE_NAME: z.string().min(1).default("onramp"),
  /** Days a processed notification (its raw body) is kept; one an open anomaly points at is kept on. */
  RETENTION_NOTIFICATIONS_DAYS: days(90),
  /** Days a delivered or failed webhook delivery (and its attempt log) is kept; a pending one is never deleted. */
  RETENTION_DELIVERIES_DAYS: days(30),
  /** Days an event is kept in the feed and for replay; an event with a pending delivery is kept on. */
  RETENTION_EVENTS_DAYS: days(90),
  /** Days an audit entry is kept. */
  RETENTION_AUDIT_DAYS: days(365),
  /** Days a sent, failed or suppressed email is kept; queued and sending ones are never deleted. */
  RETENTION_EMAILS_DAYS: days(90),
  /** Days a finished job's tracker row (SUCCEEDED, FAILED, CANCELLED) is kept. */
  RETENTION_JOBS_DAYS: days(30),
  /** Days a resolved anomaly is kept; an open one never is deleted. */
  RETENTION_ANOMALIES_DAYS: days(180),
  /** Rows each retention statement deletes at once: small, so intake never waits behind a long delete. */
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(10).max(50_000).default(1000),
};
