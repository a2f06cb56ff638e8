import "server-only";
// Every call to LinkedIn is counted per application, endpoint and UTC day (C26, C30): LinkedIn allows
// 5,000 calls a day per endpoint and resets at midnight UTC, and support must see how close a
// customer is. One atomic upsert per call, so concurrent processes never lose a count.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { nextUtcMidnight, utcDay } from "./backoff";
import { endpointsSharingLimit, limitedResourceOf, RESOURCE_DAILY_LIMITS } from "./endpoints";
import { LinkedInError } from "./errors";

export type CallOutcome = "ok" | "rate_limited" | "error";

export async function recordLinkedInCall(
  clientId: string,
  endpoint: string,
  outcome: CallOutcome,
  now: Date = new Date(),
): Promise<void> {
  metrics().linkedInCalls.inc({ endpoint, outcome });
  const rateLimited = outcome === "rate_limited" ? 1 : 0;
  const error = outcome === "error" ? 1 : 0;
  // The day is passed as text and cast, so the session time zone can never move a call to another day.
  await db.$executeRaw`
    INSERT INTO "LinkedInCallCount" ("clientId", "endpoint", "day", "count", "rateLimitedCount", "errorCount", "lastCallAt")
    VALUES (${clientId}, ${endpoint}, ${utcDay(now)}::date, 1, ${rateLimited}, ${error}, ${now})
    ON CONFLICT ("clientId", "endpoint", "day") DO UPDATE SET
      "count" = "LinkedInCallCount"."count" + 1,
      "rateLimitedCount" = "LinkedInCallCount"."rateLimitedCount" + ${rateLimited},
      "errorCount" = "LinkedInCallCount"."errorCount" + ${error},
      "lastCallAt" = GREATEST("LinkedInCallCount"."lastCallAt", ${now})`;
}

export interface EndpointCallsToday {
  endpoint: string;
  count: number;
  rateLimitedCount: number;
  errorCount: number;
  lastCallAt: Date;
  /** LINKEDIN_DAILY_CALL_BUDGET (5,000 by default, per endpoint). */
  budget: number;
  remaining: number;
}

export interface CallsToday {
  clientId: string;
  /** "YYYY-MM-DD" in UTC. */
  day: string;
  /** When the counts (and LinkedIn's daily limits) reset. */
  resetsAt: Date;
  endpoints: EndpointCallsToday[];
  /** The endpoint closest to its budget, for one "calls used today" figure. */
  busiest?: EndpointCallsToday;
}

/** Calls made today (UTC) by one customer application, per endpoint (C26). */
export async function callsToday(clientId: string, now: Date = new Date()): Promise<CallsToday> {
  const day = utcDay(now);
  const budget = env().LINKEDIN_DAILY_CALL_BUDGET;
  const rows = await db.linkedInCallCount.findMany({
    where: { clientId, day: new Date(`${day}T00:00:00.000Z`) },
    orderBy: { count: "desc" },
  });
  const endpoints = rows.map((r) => ({
    endpoint: r.endpoint,
    count: r.count,
    rateLimitedCount: r.rateLimitedCount,
    errorCount: r.errorCount,
    lastCallAt: r.lastCallAt,
    budget,
    remaining: Math.max(0, budget - r.count),
  }));
  return { clientId, day, resetsAt: nextUtcMidnight(now), endpoints, busiest: endpoints[0] };
}

export interface DailyBudget {
  used: number;
  budget: number;
  remaining: number;
  exhausted: boolean;
}

/** How much of today's budget the endpoint's resource has left for one application (L17: one limit per resource). */
export async function dailyBudget(clientId: string, endpoint: string, now: Date = new Date()): Promise<DailyBudget> {
  const budget = RESOURCE_DAILY_LIMITS[limitedResourceOf(endpoint) ?? ""] ?? env().LINKEDIN_DAILY_CALL_BUDGET;
  const rows = await db.linkedInCallCount.findMany({
    where: {
      clientId,
      endpoint: { in: endpointsSharingLimit(endpoint) },
      day: new Date(`${utcDay(now)}T00:00:00.000Z`),
    },
    select: { count: true },
  });
  const used = rows.reduce((n, r) => n + r.count, 0);
  return { used, budget, remaining: Math.max(0, budget - used), exhausted: used >= budget };
}

/**
 * Refuses a call once today's budget for the endpoint is spent (C30: calls are capped so one customer
 * can not exhaust the vendor's limits), without asking LinkedIn.
 */
export async function assertWithinDailyBudget(
  clientId: string,
  endpoint: string,
  now: Date = new Date(),
): Promise<void> {
  const b = await dailyBudget(clientId, endpoint, now);
  if (!b.exhausted) return;
  const resetsAt = nextUtcMidnight(now);
  throw new LinkedInError(
    "rate_limited",
    `This customer's application has used ${b.used.toLocaleString("en-US")} of its ${b.budget.toLocaleString("en-US")} daily calls to ${endpoint}. ` +
      `LinkedIn's daily limits reset at midnight UTC; Onramp will try again after ${resetsAt.toISOString()}.`,
    { endpoint, attempts: 0, retryAt: resetsAt },
  );
}
