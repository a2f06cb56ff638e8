import "server-only";
// Issue 12, L18: for an endpoint that chose it, an EXPORT_CANDIDATE_PROFILE event is resolved through
// exportedCandidates?q=request before delivery, with the customer's application (paced, counted in its
// exportedCandidates budget, L17), and the candidates go in that endpoint's payload as
// data.exportedCandidates. A failure LinkedIn may get over (rate limit, outage, a daily hold) delays the
// delivery like a receiver failure; one it will not (e.g. the export id expired, 404) is delivered with
// data.exportResolutionError instead, so the event is never stuck.
// Issue 20 item 6: LinkedIn is asked at most once per event. The answer (candidates or refusal) is kept
// (./export-resolutions.ts) and reused by every later attempt, endpoint and replay; while one delivery is
// asking, the others are retried later. Only answers LinkedIn asks to retry lead to another call, and a
// process killed between LinkedIn's answer and keeping it (the claim lapses) asks once more. An archived
// customer's exports are not resolved: nothing new is done on its behalf (issue 20 item 5).
// Issue 23 point 4, L27: an answer naming another customer's integration context is kept as an error, not as
// candidates, and left as an anomaly for support (./export-context.ts).
import { db } from "@/lib/db/client";
import type { PresentedEvent } from "@/lib/events/present";
import { EXPORT_RELAY_TYPE } from "@/lib/events/types";
import { isLinkedInError, lookupExportedCandidates } from "@/lib/linkedin";
import { checkExportOwner } from "./export-context";
import {
  claimResolution,
  type KeptResolution,
  keepResolution,
  keptResolution,
  releaseResolution,
} from "./export-resolutions";

export type Resolution = { event: PresentedEvent } | { retryLater: string };

function linkedinIdOf(event: PresentedEvent): string | null {
  const n = event.data.notification;
  if (!n || typeof n !== "object" || !("linkedinId" in n)) return null;
  return typeof n.linkedinId === "string" ? n.linkedinId : null;
}

/** The Event row's id behind "evt_{n}". */
function rowIdOf(event: PresentedEvent): bigint | null {
  const match = /^evt_(\d+)$/.exec(event.id);
  return match?.[1] ? BigInt(match[1]) : null;
}

function withAnswer(event: PresentedEvent, answer: KeptResolution): Resolution {
  const data =
    "candidates" in answer
      ? { ...event.data, exportedCandidates: answer.candidates }
      : { ...event.data, exportedCandidates: null, exportResolutionError: answer.error };
  return { event: { ...event, data } };
}

export async function resolveForEndpoint(
  event: PresentedEvent,
  resolveExports: boolean,
  now: Date = new Date(),
): Promise<Resolution> {
  if (!resolveExports || event.type !== EXPORT_RELAY_TYPE || !event.customerId) return { event };
  const eventId = rowIdOf(event);
  const kept = eventId === null ? null : await keptResolution(eventId);
  if (kept) return withAnswer(event, kept);

  const requestId = linkedinIdOf(event);
  const customer = await db.customer.findUnique({
    where: { id: event.customerId },
    select: { archivedAt: true, application: { select: { id: true, clientId: true } } },
  });
  const app = customer?.application ?? null;
  if (!requestId || !app || eventId === null)
    return withAnswer(event, { error: "Onramp has no LinkedIn application or export id to resolve this export with." });
  if (customer?.archivedAt)
    return withAnswer(event, {
      error: "This customer is archived in Onramp, so Onramp no longer asks LinkedIn for it.",
    });

  const claimed = await claimResolution(eventId, now);
  if (claimed === null) {
    const meanwhile = await keptResolution(eventId);
    if (meanwhile) return withAnswer(event, meanwhile);
    return { retryLater: "Another delivery of this event is resolving the export at LinkedIn; this one follows." };
  }
  let answer: KeptResolution;
  try {
    const candidates = await lookupExportedCandidates(app, requestId);
    // L27: the candidates go out as this customer's only when the answer names one of its own integrations.
    const foreign = await checkExportOwner({ customerId: event.customerId, linkedinId: requestId, candidates });
    answer = foreign === null ? { candidates } : { error: foreign };
  } catch (e) {
    if (!isLinkedInError(e) || e.retryable) {
      await releaseResolution(claimed);
      if (!isLinkedInError(e)) throw e;
      return { retryLater: `Resolving the export at LinkedIn failed: ${e.message}` };
    }
    answer = { error: e.message };
  }
  await keepResolution(claimed, answer, now);
  return withAnswer(event, answer);
}
