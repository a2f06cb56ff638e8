import "server-only";
// The one function through which every LinkedIn call goes (C2, C26, C27, C30):
// - Authorization: Bearer {token} from the given BearerAuth (C2); a 401 renews the token once (C27);
// - 429, 5xx and network failures are retried with exponential backoff and full jitter, honouring
//   Retry-After, at most LINKEDIN_MAX_ATTEMPTS attempts (C26); a 429 records rateLimitedUntil;
// - a 429 that means the daily limit is spent (daily-hold.ts) is not retried: the application's calls to
//   that resource are held until midnight UTC, in the database, and refused without asking LinkedIn;
// - every attempt is counted per application, endpoint and UTC day (C26) and refused once the day's
//   budget is spent (C30, a hold as well);
// - answers are validated with zod; anything else becomes a LinkedInError a person can act on.
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inSpan } from "@/lib/tracing/spans";
import { MAX_IN_PROCESS_WAIT_MS, nextDelayMs, parseRetryAfter } from "./backoff";
import { dailyBudget, recordLinkedInCall } from "./call-count";
import { activeHold, dailyLimitDetection, heldError, holdUntilMidnight } from "./daily-hold";
import { ENDPOINTS, limitedResourceOf } from "./endpoints";
import { describeErrorBody } from "./error-body";
import { LinkedInError } from "./errors";
import { withSendSlot } from "./pacing";
import { errorKindForStatus, messageForStatus, whose } from "./status-messages";
import { tunnelled } from "./tunnel";

/** How long one attempt may take before it counts as "no answer". */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Supplies the bearer token of one application (token.ts) and handles LinkedIn refusing it (C27). */
export interface BearerAuth {
  token(): Promise<string>;
  /** First 401: forget the cached token and get a new one. */
  renew(): Promise<string>;
  /** Second 401 (with a fresh token): answers the message to show; the keys are not marked refused (L29). */
  rejected(endpoint: string): Promise<string>;
}

export type LinkedInRequestBody = { json: unknown } | { form: Record<string, string> };

export interface LinkedInRequest<S extends z.ZodType> {
  /** Endpoint label (endpoints.ts): the unit of counting and of LinkedIn's daily limits. */
  endpoint: string;
  /** The application the call is made (and counted) for. */
  clientId: string;
  /** CustomerApplication.id, when the call is a customer application's: receives rateLimitedUntil. */
  applicationId?: string;
  /** Whose keys these are, for messages: a customer's application or the vendor's parent one. */
  subject?: "customer" | "vendor";
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: LinkedInRequestBody;
  auth?: BearerAuth;
  schema: S;
  /**
   * false for a call LinkedIn must not receive twice (the create of an application, L3): it is sent once,
   * and the caller recovers from a lost answer by looking up what LinkedIn holds (L5, L7).
   */
  idempotent?: boolean;
  /**
   * At most this many attempts (never more than LINKEDIN_MAX_ATTEMPTS): a person's request that must answer at
   * once asks once and leaves retries to a job (the widget intake's confirmation, C19b).
   */
  maxAttempts?: number;
  /** Test seam: the random source of the jitter. */
  random?: () => number;
}

export interface LinkedInResponse<T> {
  status: number;
  data: T;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function encodeBody(body: LinkedInRequestBody | undefined): { contentType?: string; payload?: string } {
  if (!body) return {};
  if ("json" in body) return { contentType: "application/json", payload: JSON.stringify(body.json) };
  return { contentType: "application/x-www-form-urlencoded", payload: new URLSearchParams(body.form).toString() };
}

async function markRateLimited(applicationId: string | undefined, until: Date): Promise<void> {
  if (!applicationId) return;
  await db.customerApplication.updateMany({ where: { id: applicationId }, data: { rateLimitedUntil: until } });
}

function parseBody<S extends z.ZodType>(
  req: LinkedInRequest<S>,
  status: number,
  text: string,
  attempts: number,
): z.output<S> {
  let json: unknown;
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new LinkedInError(
        "invalid_response",
        `LinkedIn answered ${req.endpoint} with HTTP ${status} but a body that is not JSON. Onramp did not act on it; it will try again later.`,
        { endpoint: req.endpoint, httpStatus: status, attempts },
      );
    }
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    // Issue paths and expectations only: never the body itself, which may carry a token or secret.
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    throw new LinkedInError(
      "invalid_response",
      `LinkedIn answered ${req.endpoint} with HTTP ${status} in a shape Onramp does not understand (${issues}). Onramp did not act on it.`,
      { endpoint: req.endpoint, httpStatus: status, attempts },
    );
  }
  return parsed.data;
}

/**
 * Refuses a call while the application's calls to the resource are held (C26), and starts a hold when
 * today's budget is spent (C30: calls are capped so one customer can not exhaust the vendor's limits).
 */
async function assertNotHeld(clientId: string, endpoint: string, applicationId: string | undefined): Promise<void> {
  const held = await activeHold(clientId, endpoint);
  if (held) throw heldError(held);
  if (!(await dailyBudget(clientId, endpoint)).exhausted) return;
  const hold = await holdUntilMidnight(clientId, endpoint, "budget");
  await markRateLimited(applicationId, hold.heldUntil);
  throw heldError(hold);
}

/** Sends one LinkedIn request (see file header), in a span of the caller's trace (issue 24 point 2). */
export function linkedInRequest<S extends z.ZodType>(req: LinkedInRequest<S>): Promise<LinkedInResponse<z.output<S>>> {
  const attributes = { "linkedin.endpoint": req.endpoint, "linkedin.client_id": req.clientId };
  return inSpan(`linkedin ${req.endpoint}`, { kind: "client", attributes }, () => sendWithRetries(req));
}

async function sendWithRetries<S extends z.ZodType>(req: LinkedInRequest<S>): Promise<LinkedInResponse<z.output<S>>> {
  const e = env();
  const maxAttempts =
    req.idempotent === false ? 1 : Math.max(1, Math.min(e.LINKEDIN_MAX_ATTEMPTS, req.maxAttempts ?? Infinity));
  const log = logger().child({ clientId: req.clientId, endpoint: req.endpoint });
  const who = whose(req.subject);
  // L26: a GET whose query passes 4,000 characters goes as a POST carrying the query (query tunnelling).
  const wire = tunnelled(req.method, req.url, encodeBody(req.body));
  await assertNotHeld(req.clientId, req.endpoint, req.applicationId);
  const paced = limitedResourceOf(req.endpoint) !== null;

  let renewed = false;
  let token = req.auth ? await req.auth.token() : undefined;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const headers: Record<string, string> = { accept: "application/json", ...req.headers, ...wire.headers };
    // L16, L23: the API version on every API call (not the OAuth token grant): the caller's family's, else the configured one.
    if (e.LINKEDIN_VERSION && req.endpoint !== ENDPOINTS.accessToken && !headers["linkedin-version"])
      headers["linkedin-version"] = e.LINKEDIN_VERSION;
    if (wire.contentType) headers["content-type"] = wire.contentType;
    if (token) headers.authorization = `Bearer ${token}`;

    let res: Response;
    let text: string;
    try {
      const send = async () => {
        const r = await fetch(wire.url, {
          method: wire.method,
          headers,
          body: wire.payload,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        return { r, t: await r.text() };
      };
      // C13, C30: every attempt to a limited resource, retries included, holds the application's one send slot.
      const sent = paced ? await withSendSlot(req.clientId, e.LINKEDIN_BATCH_SPACING_MS, send) : await send();
      res = sent.r;
      text = sent.t;
    } catch (cause) {
      await recordLinkedInCall(req.clientId, req.endpoint, "error");
      const reason =
        cause instanceof Error
          ? cause.name === "TimeoutError"
            ? "no answer in time"
            : cause.message
          : "network error";
      if (attempt < maxAttempts) {
        const delayMs = nextDelayMs({ attempt, baseMs: e.LINKEDIN_BACKOFF_BASE_MS, random: req.random });
        log.warn({ attempt, delayMs, reason }, "LinkedIn unreachable; retrying");
        await sleep(delayMs);
        continue;
      }
      throw new LinkedInError(
        "unavailable",
        `LinkedIn could not be reached for ${req.endpoint} (${reason}). Onramp tried ${attempt} times; it will try again later.`,
        { endpoint: req.endpoint, attempts: attempt },
      );
    }

    const status = res.status;
    if (status >= 200 && status < 300) {
      await recordLinkedInCall(req.clientId, req.endpoint, "ok");
      return { status, data: parseBody(req, status, text, attempt) };
    }

    await recordLinkedInCall(req.clientId, req.endpoint, status === 429 ? "rate_limited" : "error");

    if (status === 401 && req.auth) {
      if (!renewed) {
        // C27: the cached token may have expired or been revoked; one fresh token, one more try.
        renewed = true;
        log.info({ attempt }, "LinkedIn answered 401; renewing the token once");
        token = await req.auth.renew();
        attempt -= 1; // the renewal retry is not a backoff attempt
        continue;
      }
      const message = await req.auth.rejected(req.endpoint);
      throw new LinkedInError("unauthorized", message, {
        endpoint: req.endpoint,
        httpStatus: status,
        attempts: attempt,
      });
    }

    if (status === 429) {
      // C26, L17: the daily limit is not waited out with backoff; the application's calls are held until midnight UTC.
      const used = (await dailyBudget(req.clientId, req.endpoint)).used;
      const detectedBy = dailyLimitDetection({ body: text, usedToday: used });
      if (detectedBy) {
        const hold = await holdUntilMidnight(req.clientId, req.endpoint, detectedBy);
        await markRateLimited(req.applicationId, hold.heldUntil);
        log.warn(
          { detectedBy, heldUntil: hold.heldUntil },
          "LinkedIn's daily limit is spent; holding the application's calls",
        );
        throw heldError(hold);
      }
    }

    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
      const delayMs = nextDelayMs({ attempt, baseMs: e.LINKEDIN_BACKOFF_BASE_MS, retryAfterMs, random: req.random });
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > MAX_IN_PROCESS_WAIT_MS;
      if (status === 429) await markRateLimited(req.applicationId, new Date(Date.now() + delayMs));
      if (attempt < maxAttempts && !waitTooLong) {
        log.warn({ attempt, status, delayMs }, "LinkedIn answered a retryable status; backing off");
        await sleep(delayMs);
        continue;
      }
      const retryAt = new Date(Date.now() + delayMs);
      const tried = `Onramp tried ${attempt} time${attempt === 1 ? "" : "s"}`;
      if (status === 429) {
        throw new LinkedInError(
          "rate_limited",
          `LinkedIn is rate-limiting ${who} (daily limits reset at midnight UTC). ${tried}; it will try again later.`,
          { endpoint: req.endpoint, httpStatus: status, attempts: attempt, retryAt },
        );
      }
      throw new LinkedInError(
        "unavailable",
        `LinkedIn is not answering ${req.endpoint} properly (HTTP ${status}). ${tried}; it will try again later.`,
        { endpoint: req.endpoint, httpStatus: status, attempts: attempt, retryAt },
      );
    }

    const kind = errorKindForStatus(status);
    throw new LinkedInError(kind, messageForStatus(kind, status, req.endpoint, describeErrorBody(text), who), {
      endpoint: req.endpoint,
      httpStatus: status,
      attempts: attempt,
    });
  }
}
