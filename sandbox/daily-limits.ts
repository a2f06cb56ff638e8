// LinkedIn's daily limits (L17): per application and resource, reset at midnight UTC; all methods on
// v2/atsIntegrations share one 5,000, exportedCandidates has 100,000. A call past the limit answers 429
// with LinkedIn's throttle message. The wording is LinkedIn's as its APIs send it, not in PUBLIC.md
// (ASSUMPTION); the protective 429 (C26) is an injected fault (faults.ts, throttle "protective").
import type { Reply } from "./http-io";

/** L17's limits per resource. A start option and a run-time setting (`dailyLimits`). */
export const L17_DAILY_LIMITS: Record<string, number> = {
  "v2/atsIntegrations": 5000,
  "rest/integrations": 5000,
  "rest/integrationConfigurations": 5000,
  exportedCandidates: 100_000,
};

/** The resource each endpoint kind (faults.ts ENDPOINT_KINDS) is limited under; others are not limited. */
const RESOURCE_OF: Record<string, string> = {
  batch_partial_update: "v2/atsIntegrations",
  lookup_request: "v2/atsIntegrations",
  lookup_ids: "v2/atsIntegrations",
  configurations: "v2/atsIntegrations",
  exported_candidates: "exportedCandidates",
  // L17: each resource of the versioned family (L22) has its own counter.
  rest_batch_partial_update: "rest/integrations",
  rest_lookup_request: "rest/integrations",
  rest_lookup_ids: "rest/integrations",
  rest_configurations: "rest/integrationConfigurations",
};

/** ASSUMPTION: the message LinkedIn's APIs answer when an application's day limit on a resource is spent. */
export const DAILY_LIMIT_MESSAGE =
  "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.";

export function dailyLimitReply(): Reply {
  return {
    status: 429,
    json: { message: DAILY_LIMIT_MESSAGE, serviceErrorCode: 101, status: 429 },
    headers: { "X-RestLi-Error-Response": "true" },
    rejection: "daily limit spent (L17)",
  };
}

const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Calls per `${day}|${clientId}|${resource}`; only today's matter. */
export class DailyUsage {
  private readonly counts = new Map<string, number>();

  resourceOf(endpoint: string): string | null {
    return RESOURCE_OF[endpoint] ?? null;
  }

  used(clientId: string, resource: string, now = Date.now()): number {
    return this.counts.get(`${dayOf(now)}|${clientId}|${resource}`) ?? 0;
  }

  /** Sets today's count (a test stands in for calls made outside Onramp, e.g. by the ATS with the same application). */
  set(clientId: string, resource: string, used: number, now = Date.now()): void {
    this.counts.set(`${dayOf(now)}|${clientId}|${resource}`, used);
  }

  /** Counts one call of a limited endpoint; answers the 429 when today's limit is already spent. */
  take(limits: Record<string, number>, clientId: string, endpoint: string, now = Date.now()): Reply | null {
    const resource = this.resourceOf(endpoint);
    const limit = resource ? limits[resource] : undefined;
    if (!resource || limit === undefined) return null;
    const used = this.used(clientId, resource, now);
    if (used >= limit) return dailyLimitReply();
    this.set(clientId, resource, used + 1, now);
    return null;
  }

  clear(): void {
    this.counts.clear();
  }
}
