import "server-only";
// C26, L17: when an application's daily limit on a resource is spent, every call of that application to
// that resource is held until midnight UTC, when LinkedIn resets its limits. The hold is a row in
// PostgreSQL (LinkedInDailyHold), so every Onramp instance honours it. A protective 429 ("LinkedIn may
// also answer 429 to protect itself") is not a hold: it keeps the short backoff of http.ts.
//
// LinkedIn does not document how the two 429s differ (ASSUMPTION, configurable):
// - "marker": the 429's body matches LINKEDIN_DAILY_LIMIT_MARKER (LinkedIn's throttle messages name the
//   "APPLICATION DAY limit");
// - "budget": Onramp's own count of the resource's calls today has reached LINKEDIN_DAILY_LIMIT_AT_PERCENT
//   of LINKEDIN_DAILY_CALL_BUDGET (L17: 5,000 per resource), or the budget itself is spent (C30).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { nextUtcMidnight } from "./backoff";
import { limitedResourceOf } from "./endpoints";
import { LinkedInError } from "./errors";

export type DailyLimitDetection = "marker" | "budget";

/** What a daily limit is counted and held under: the limited resource (L17), else the endpoint itself. */
export function holdResourceOf(endpoint: string): string {
  return limitedResourceOf(endpoint) ?? endpoint;
}

/** Whether a 429 means the daily limit is spent, and by which rule; null for a protective 429. */
export function dailyLimitDetection(
  answer: { body: string; usedToday: number },
  config: { marker: string; atPercent: number; budget: number } = {
    marker: env().LINKEDIN_DAILY_LIMIT_MARKER,
    atPercent: env().LINKEDIN_DAILY_LIMIT_AT_PERCENT,
    budget: env().LINKEDIN_DAILY_CALL_BUDGET,
  },
): DailyLimitDetection | null {
  if (config.marker !== "" && new RegExp(config.marker, "i").test(answer.body)) return "marker";
  if (config.atPercent > 0 && answer.usedToday * 100 >= config.budget * config.atPercent) return "budget";
  return null;
}

export interface DailyHold {
  clientId: string;
  resource: string;
  heldUntil: Date;
  detectedBy: string;
  endpoint: string;
}

/** The hold now in force on the application's calls to the endpoint's resource, if any. */
export async function activeHold(
  clientId: string,
  endpoint: string,
  now: Date = new Date(),
): Promise<DailyHold | null> {
  return db.linkedInDailyHold.findFirst({
    where: { clientId, resource: holdResourceOf(endpoint), heldUntil: { gt: now } },
    select: { clientId: true, resource: true, heldUntil: true, detectedBy: true, endpoint: true },
  });
}

/** Every hold now in force on one application (any resource). */
export async function activeHoldsOf(clientId: string, now: Date = new Date()): Promise<DailyHold[]> {
  return db.linkedInDailyHold.findMany({
    where: { clientId, heldUntil: { gt: now } },
    orderBy: { heldUntil: "desc" },
    select: { clientId: true, resource: true, heldUntil: true, detectedBy: true, endpoint: true },
  });
}

/** Holds the application's calls to the endpoint's resource until the next midnight UTC (one atomic upsert). */
export async function holdUntilMidnight(
  clientId: string,
  endpoint: string,
  detectedBy: DailyLimitDetection,
  now: Date = new Date(),
): Promise<DailyHold> {
  const resource = holdResourceOf(endpoint);
  const heldUntil = nextUtcMidnight(now);
  const data = { heldUntil, detectedBy, endpoint, createdAt: now };
  await db.linkedInDailyHold.upsert({
    where: { clientId_resource: { clientId, resource } },
    create: { clientId, resource, ...data },
    update: data,
  });
  return { clientId, resource, heldUntil, detectedBy, endpoint };
}

/** "held until 00:00 UTC (2026-11-30T00:00:00.000Z)": the words support reads on jobs, rows and pages. */
export function heldUntilWords(heldUntil: Date): string {
  return `held until 00:00 UTC (${heldUntil.toISOString()})`;
}

/** The error every held call answers, without asking LinkedIn. */
export function heldError(hold: DailyHold): LinkedInError {
  const why =
    hold.detectedBy === "budget"
      ? `Onramp's count of today's calls to ${hold.resource} reached the daily limit`
      : `LinkedIn answered that the daily limit of calls to ${hold.resource} is spent`;
  return new LinkedInError(
    "rate_limited",
    `${why} for this application: its calls are ${heldUntilWords(hold.heldUntil)}, when LinkedIn resets its daily limits. ` +
      "Onramp resumes them then by itself.",
    { endpoint: hold.endpoint, httpStatus: 429, attempts: 0, retryAt: hold.heldUntil, heldUntil: hold.heldUntil },
  );
}
