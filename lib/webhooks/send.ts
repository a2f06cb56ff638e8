import "server-only";
// The webhook sender (issue 12). Deliveries are rows queued in the same transaction as their event
// (lib/events/emit.ts); every process runs deliverDue in a loop (server/composition.ts) and claims due ones with a lease (FOR UPDATE SKIP LOCKED), POSTs the
// signed event through the egress (lib/egress: vetted address, no redirects, bounded time and bytes), logs the
// attempt and either marks it DELIVERED or schedules the next try (schedule.ts); a URL the egress refuses as
// written (private by its spelling, plain http) fails the delivery at once, with the reason on it.
// A process that dies mid-delivery leaves only a lease, which expires: the delivery goes out again with
// the same webhook-id (at least once). A failing endpoint is marked, then disabled after
// WEBHOOK_DISABLE_AFTER_HOURS without a success.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { inSpan, tracingActive } from "@/lib/tracing/spans";
import { logger } from "@/lib/log/logger";
import { requestUserUrl } from "@/lib/egress/request";
import { eventIdOf, presentEvent } from "@/lib/events/present";
import { resolveForEndpoint } from "./resolve-export";
import { nextAttemptAt } from "./schedule";
import { signatureHeaders } from "./secret";

/** A claimed delivery is given this long before another process may take it over. */
export const LEASE_MS = 60_000;
export const SEND_TIMEOUT_MS = 15_000;
/** Bytes of the receiver's answer read and kept in the attempt log (the rest is never read). */
export const SNIPPET_BYTES = 500;

type Claimed = { id: string; endpointId: string; attempts: number; eventId: bigint };

/** Claims up to `limit` due deliveries of enabled endpoints. */
export async function claimDue(limit: number, now: Date = new Date()): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET "leaseUntil" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = d."attempts" + 1
    WHERE d."id" IN (
      SELECT d2."id" FROM "WebhookDelivery" d2 JOIN "WebhookEndpoint" w ON w."id" = d2."endpointId" AND w."disabledAt" IS NULL
      WHERE d2."state" = 'PENDING' AND d2."nextAttemptAt" <= ${now} AND (d2."leaseUntil" IS NULL OR d2."leaseUntil" < ${now})
      ORDER BY d2."nextAttemptAt" LIMIT ${limit}
      FOR UPDATE OF d2 SKIP LOCKED)
    RETURNING d."id", d."endpointId", d."attempts", d."eventId"`;
}

type Outcome = {
  status: number | null;
  snippet: string | null;
  error: string | null;
  latencyMs: number;
  /** The URL itself can never be sent to (issue 20): no retry, the delivery is FAILED at once. */
  permanent: boolean;
};

/** Longest Location of a redirect quoted in the attempt's error. */
const LOCATION_CHARS = 200;

/**
 * POSTs through the egress (lib/egress, issue 20 point 1): the URL is vetted again now, the connection goes to
 * the vetted address, no redirect is followed, and SNIPPET_BYTES of the answer are read at most.
 */
async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const result = await requestUserUrl({
    url,
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "user-agent": "Onramp-Webhooks/1" },
    body,
    timeoutMs: SEND_TIMEOUT_MS,
    maxBytes: SNIPPET_BYTES,
  });
  const { latencyMs } = result;
  if (result.kind === "refused")
    return { status: null, snippet: null, error: `Not sent: ${result.reason}`, latencyMs, permanent: result.permanent };
  if (result.kind === "failed")
    return { status: null, snippet: null, error: result.reason, latencyMs, permanent: false };
  const { status, snippet, headers: answered } = result;
  const redirect =
    status >= 300 && status < 400
      ? `Answered ${status}${answered.location ? ` (to ${answered.location.slice(0, LOCATION_CHARS)})` : ""}: redirects are not followed; register the final URL.`
      : null;
  return { status, snippet, error: redirect, latencyMs, permanent: false };
}

/** Sends one claimed delivery and records the outcome. */
/** One delivery attempt, in a span continuing the trace of the work that emitted the event (issue 24 point 2). */
export async function deliver(claimed: Claimed, now: Date = new Date()): Promise<boolean> {
  // Tracing off: no look-up, no span.
  if (!tracingActive()) return deliverAttempt(claimed, now);
  const event = await db.event.findFirst({
    where: { deliveries: { some: { id: claimed.id } } },
    select: { traceParent: true, type: true },
  });
  const attributes = { "onramp.webhook.delivery_id": claimed.id, "onramp.event.type": event?.type ?? "" };
  return inSpan("webhook delivery", { kind: "client", parent: event?.traceParent, attributes }, () =>
    deliverAttempt(claimed, now),
  );
}

async function deliverAttempt(claimed: Claimed, now: Date): Promise<boolean> {
  const d = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: claimed.id },
    select: {
      event: true,
      endpoint: {
        select: {
          id: true,
          url: true,
          secretEnc: true,
          previousSecretEnc: true,
          previousSecretUntil: true,
          failingSince: true,
          resolveExports: true,
        },
      },
    },
  });
  const msgId = eventIdOf(d.event.id);
  const resolved = await resolveForEndpoint(presentEvent(d.event), d.endpoint.resolveExports);
  let outcome: Outcome;
  if ("retryLater" in resolved)
    outcome = { status: null, snippet: null, error: resolved.retryLater, latencyMs: 0, permanent: false };
  else {
    const body = JSON.stringify(resolved.event);
    // The signature's timestamp is the real time of sending: receivers reject stale ones.
    outcome = await post(d.endpoint.url, signatureHeaders(d.endpoint, msgId, body, new Date()), body);
  }
  const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const next = ok || outcome.permanent ? null : nextAttemptAt(claimed.attempts, now);
  const disableAfterMs = env().WEBHOOK_DISABLE_AFTER_HOURS * 3600_000;
  const failingSince = d.endpoint.failingSince ?? now;
  metrics().webhookAttempts.inc({ outcome: ok ? "delivered" : next ? "retry" : "failed" });
  const lastError = ok ? null : (outcome.error ?? `HTTP ${outcome.status}`);
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: claimed.id,
        attempt: claimed.attempts,
        status: outcome.status,
        latencyMs: outcome.latencyMs,
        responseSnippet: outcome.snippet,
        error: outcome.error,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: claimed.id },
      data: {
        state: ok ? "DELIVERED" : next ? "PENDING" : "FAILED",
        deliveredAt: ok ? now : null,
        nextAttemptAt: next ?? undefined,
        leaseUntil: null,
        lastStatus: outcome.status,
        lastError,
      },
    });
    if (ok) {
      // Written only when it changes what people see (a failing endpoint recovers) or once a minute, so
      // concurrent deliveries to one endpoint do not queue on its row.
      await tx.webhookEndpoint.updateMany({
        where: {
          id: d.endpoint.id,
          OR: [
            { failingSince: { not: null } },
            { lastSuccessAt: null },
            { lastSuccessAt: { lt: new Date(now.getTime() - 60_000) } },
          ],
        },
        data: { failingSince: null, lastSuccessAt: now },
      });
    } else {
      const disable = now.getTime() - failingSince.getTime() >= disableAfterMs;
      await tx.webhookEndpoint.update({
        where: { id: d.endpoint.id },
        data: {
          failingSince,
          ...(disable
            ? {
                disabledAt: now,
                disabledReason: `Disabled automatically: every delivery failed for ${env().WEBHOOK_DISABLE_AFTER_HOURS} hours (last: ${lastError}). Events are kept; fix the receiver, enable the endpoint and replay.`,
              }
            : {}),
        },
      });
    }
  });
  if (!ok)
    logger().info(
      { deliveryId: claimed.id, endpointId: d.endpoint.id, status: outcome.status, attempt: claimed.attempts },
      "webhook delivery failed",
    );
  return ok;
}

/** One round: claims due deliveries and sends them concurrently. Answers how many were attempted. */
export async function deliverDue(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const claimed = await claimDue(opts.limit ?? env().WEBHOOK_CONCURRENCY, now);
  await Promise.all(claimed.map((c) => deliver(c, now)));
  return claimed.length;
}
