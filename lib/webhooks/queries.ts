import "server-only";
// Reads of webhook endpoints and their deliveries (issue 12): the console's page and the vendor API.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { eventIdOf } from "@/lib/events/present";

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  /** L17, L18: EXPORT_CANDIDATE_PROFILE events are resolved through exportedCandidates before delivery. */
  resolveExports: boolean;
  status: "ACTIVE" | "FAILING" | "DISABLED";
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  lastSuccessAt: string | null;
  secretRotatedUntil: string | null;
  createdAt: string;
};

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  resolveExports: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  lastSuccessAt: true,
  previousSecretUntil: true,
  createdAt: true,
} as const;

type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

function present(e: EndpointRow): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    resolveExports: e.resolveExports,
    status: e.disabledAt ? "DISABLED" : e.failingSince ? "FAILING" : "ACTIVE",
    failingSince: e.failingSince?.toISOString() ?? null,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    lastSuccessAt: e.lastSuccessAt?.toISOString() ?? null,
    secretRotatedUntil: e.previousSecretUntil?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function listWebhookEndpoints(): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ select: endpointSelect, orderBy: { createdAt: "asc" } });
  return rows.map(present);
}

export async function getWebhookEndpoint(id: string): Promise<WebhookEndpointView> {
  const row = await db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });
  if (!row) throw new SafeError("not_found", "No such webhook endpoint. It may have been deleted.");
  return present(row);
}

export type WebhookAttemptView = {
  attempt: number;
  status: number | null;
  latencyMs: number;
  responseSnippet: string | null;
  error: string | null;
  at: string;
};
export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  state: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  replay: boolean;
  createdAt: string;
  attemptLog: WebhookAttemptView[];
};

/** The endpoint's deliveries, newest first, each with its attempts (latest 10). */
export async function listDeliveries(endpointId: string, limit = 50): Promise<WebhookDeliveryView[]> {
  await getWebhookEndpoint(endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      eventId: true,
      state: true,
      attempts: true,
      nextAttemptAt: true,
      deliveredAt: true,
      replayOf: true,
      createdAt: true,
      event: { select: { type: true } },
      attemptLog: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { attempt: true, status: true, latencyMs: true, responseSnippet: true, error: true, createdAt: true },
      },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    eventId: eventIdOf(d.eventId),
    eventType: d.event.type,
    state: d.state,
    attempts: d.attempts,
    nextAttemptAt: d.state === "PENDING" ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    replay: d.replayOf !== null,
    createdAt: d.createdAt.toISOString(),
    attemptLog: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      status: a.status,
      latencyMs: a.latencyMs,
      responseSnippet: a.responseSnippet,
      error: a.error,
      at: a.createdAt.toISOString(),
    })),
  }));
}
