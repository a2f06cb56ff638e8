// What the sandbox records for tests and the chaos run to inspect: calls, rejections, spacing
// violations, push attempts (capped logs) and running totals that stay exact however long a run is.

export interface CallRecord {
  at: number;
  method: string;
  path: string;
  endpoint: string;
  clientId: string | null;
  status: number;
  entityCount: number | null;
  fault: boolean;
  reason: string | null;
  durationMs: number;
}

export interface Rejection {
  at: number;
  endpoint: string;
  clientId: string | null;
  status: number;
  reason: string;
}

export interface SpacingViolation {
  at: number;
  clientId: string;
  sinceLastMs: number;
  requiredMs: number;
}

export interface NotificationAttempt {
  notificationId: string;
  id: string | null;
  type: string;
  clientId: string;
  url: string;
  attempt: number;
  status: number | null;
  error: string | null;
  outcome: "delivered" | "will_retry" | "dropped" | "suppressed";
  signature: string | null;
  body: string;
  at: number;
}

/**
 * Running totals that stay exact however long a run is (the logs above keep only their last entries):
 * what the chaos run (chaos/run.ts, issue 11) reads at its end.
 */
export interface SandboxCounters {
  /** v2/atsIntegrations calls (names, configurations, look-ups) that carried a live token. */
  pacedCalls: number;
  /** Of those, calls that arrived less than batchSpacingMs after the previous one of the same application. */
  pacedSpacingViolations: number;
  /** Push deliveries tried (each retry counts), answered 200, and logical pushes dropped after the last retry. */
  pushAttempts: number;
  pushesAnswered200: number;
  pushesDropped: number;
}

export const ZERO_COUNTERS: SandboxCounters = {
  pacedCalls: 0,
  pacedSpacingViolations: 0,
  pushAttempts: 0,
  pushesAnswered200: 0,
  pushesDropped: 0,
};

const LOG_LIMIT = 5000;

export function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
}
