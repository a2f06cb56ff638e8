// Fault injection: LinkedIn may answer 429 to protect itself, 5xx when down, 401 when a token dies
// (C26, C27). Rules match an endpoint kind, optionally one customer application's calls, and fire a set number of
// times or with a probability. The plugin's scripts (C4, "widget_script") can be made to fail too: a 404 or 5xx on the
// script URL keeps LinkedIn's plugin from loading on the customer's page (issue 22).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DAILY_LIMIT_MESSAGE } from "./daily-limits";
import type { Reply } from "./http-io";

export const ENDPOINT_KINDS = [
  "token",
  "provisioning",
  "provisioning_lookup",
  "provisioning_update",
  "secret_roll",
  "batch_partial_update",
  "lookup_request",
  "lookup_ids",
  "configurations",
  "exported_candidates",
  "rest_batch_partial_update",
  "rest_lookup_request",
  "rest_lookup_ids",
  "rest_configurations",
  "widget",
  "widget_script",
  "*",
] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export const faultInputSchema = z
  .object({
    endpoint: z.enum(ENDPOINT_KINDS),
    status: z
      .union([
        z.literal(401),
        z.literal(404),
        z.literal(429),
        z.literal(500),
        z.literal(502),
        z.literal(503),
        z.literal(504),
      ])
      .optional(),
    count: z.number().int().positive().optional(),
    probability: z.number().min(0).max(1).optional(),
    /**
     * Only calls of this customer application (its client id, the widget's API key): one customer's failure while
     * the others' go on. A call whose application is not known (in.js itself carries no key, C4) never matches.
     */
    clientId: z.string().min(1).optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    /**
     * Which 429 (C26): "protective" (default: LinkedIn protecting itself, short backoff) or "daily" (the
     * application's daily limit is spent, L17; the real count is `dailyLimits`, daily-limits.ts).
     */
    throttle: z.enum(["protective", "daily"]).optional(),
    /** The call is carried out, then its answer is replaced by the fault: LinkedIn acted, the caller never heard. */
    afterHandling: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs !== undefined, "a fault needs a status, a latencyMs, or both");

export type FaultInput = z.infer<typeof faultInputSchema>;
export interface FaultRule extends FaultInput {
  id: string;
  remaining: number | null;
  fired: number;
}

export function addFault(faults: FaultRule[], input: FaultInput): FaultRule {
  const rule: FaultRule = { ...input, id: randomUUID(), remaining: input.count ?? null, fired: 0 };
  faults.push(rule);
  return rule;
}

export interface FaultDecision {
  latencyMs: number;
  reply: Reply | null;
  afterHandling: boolean;
}

/** Decides, and consumes, the faults that apply to one call of `endpoint`. */
export function takeFault(
  faults: FaultRule[],
  endpoint: string,
  random: () => number = Math.random,
  clientId: string | null = null,
): FaultDecision {
  let latencyMs = 0;
  let reply: Reply | null = null;
  let afterHandling = false;
  for (const rule of [...faults]) {
    if (rule.endpoint !== "*" && rule.endpoint !== endpoint) continue;
    if (rule.clientId !== undefined && rule.clientId !== clientId) continue;
    if (rule.probability !== undefined && random() >= rule.probability) continue;
    if (rule.status !== undefined && reply) continue; // one status per call; later rules wait their turn
    rule.fired++;
    if (rule.remaining !== null && --rule.remaining <= 0) faults.splice(faults.indexOf(rule), 1);
    latencyMs = Math.max(latencyMs, rule.latencyMs ?? 0);
    if (rule.status !== undefined) {
      reply = faultReply(endpoint, rule.status, rule.retryAfterSeconds, rule.throttle ?? "protective");
      afterHandling = rule.afterHandling ?? false;
    }
  }
  return { latencyMs, reply, afterHandling };
}

function faultReply(
  endpoint: string,
  status: number,
  retryAfterSeconds: number | undefined,
  throttle: "protective" | "daily",
): Reply {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
  const reason = `injected fault ${status}`;
  if (endpoint === "token") {
    const body =
      status === 401
        ? { error: "invalid_client", error_description: "Client authentication failed" }
        : { error: "server_error", error_description: `Service unavailable (${status})` };
    return { status, json: body, headers, rejection: reason };
  }
  const messages: Record<number, { message: string; serviceErrorCode?: number }> = {
    401: { message: "The token used in the request has been revoked by the user", serviceErrorCode: 65601 },
    // ASSUMPTION: LinkedIn documents neither wording; the daily one is what its APIs answer (daily-limits.ts).
    429:
      throttle === "daily"
        ? { message: DAILY_LIMIT_MESSAGE, serviceErrorCode: 101 }
        : { message: "Too many requests: LinkedIn is protecting itself, retry shortly.", serviceErrorCode: 101 },
  };
  const known = messages[status] ?? { message: status >= 500 ? "Internal Server Error" : "Error" };
  // L25: LinkedIn's error bodies come with X-RestLi-Error-Response.
  return {
    status,
    json: { ...known, status },
    headers: { ...headers, "X-RestLi-Error-Response": "true" },
    rejection: reason,
  };
}
