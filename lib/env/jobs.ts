// Environment of background work: stopping, polling, stuck integrations and the pg-boss job workers.
// Part of serverEnvSchema (lib/env.ts, the only reader of process.env; every variable is in .env.example).
import { z } from "zod";
import { boolFromEnv, intFromEnv } from "./fields";

/** Shutdown, fallback poll, stuck threshold and job workers. */
export const jobsEnv = {
  /**
   * Issue 24: the longest a stop (SIGINT/SIGTERM) may take before the process exits 1 anyway; jobs still running
   * after half of it are handed back to the queue (lib/runtime/shutdown.ts).
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  /** Fallback poll interval (C28). */
  POLL_INTERVAL_MINUTES: intFromEnv(60),
  /** Integrations REQUESTED/PARTNER_READY longer than this show in the issues view. */
  STUCK_AFTER_HOURS: intFromEnv(72),
  /**
   * Issue 22 point 2: each customer application's keys are checked with a token request this often (hours; 0 turns
   * the health check off). Paced and counted like every call (lib/linkedin/http.ts).
   */
  HEALTH_CHECK_INTERVAL_HOURS: intFromEnv(24),
  /** Applications the health check asks about per tick (every 10 minutes), so a large set is spread out. */
  HEALTH_CHECK_BATCH: z.coerce.number().int().min(1).max(5000).default(200),
  /** An application with no successful LinkedIn call (the token aside) for this many days is an issue (0: off). */
  NO_SUCCESSFUL_CALL_DAYS: intFromEnv(14),
  /** Run job workers in this process (every instance may; pg-boss coordinates them). */
  JOBS_WORKERS: boolFromEnv(true),
  /** Jobs of one kind this process runs at once (each customer's sync still runs one at a time). */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** A job whose worker died is retried after this long (pg-boss expiry); its attempt counts. */
  JOBS_EXPIRE_SECONDS: intFromEnv(900),
  /**
   * How often pg-boss looks for jobs whose worker died (expired, JOBS_EXPIRE_SECONDS) and hands them on; a
   * killed worker's job comes back within JOBS_EXPIRE_SECONDS + this. pg-boss's own default.
   */
  JOBS_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Attempts per job before it is FAILED and shown to support (C28). */
  JOBS_MAX_ATTEMPTS: intFromEnv(5),
  /** First retry delay of a failed job in seconds (pg-boss doubles it each time). */
  JOBS_RETRY_DELAY_SECONDS: intFromEnv(30),
};
