import "server-only";
// Issue 12, L18: for an endpoint that chose it, an EXPORT_CANDIDATE_PROFILE event is resolved through
// exportedCandidates?q=request before delivery, with the customer's application (paced, counted in its
// exportedCandidates budget, L17), and the candidates go in that endpoint's payload as
// data.exportedCandidates. A failure LinkedIn may get over (rate limit, outage, a daily hold) delays the
// delivery like a receiver failure; one it will not (e.g. the export id expired, 404) is delivered with
// data.exportResolutionError instead, so the event is never stuck.
import { db } from "@/lib/db/client";
import type { PresentedEvent } from "@/lib/events/present";
import { EXPORT_RELAY_TYPE } from "@/lib/events/types";
import { isLinkedInError, lookupExportedCandidates } from "@/lib/linkedin";

export type Resolution = { event: PresentedEvent } | { retryLater: string };

function linkedinIdOf(event: PresentedEvent): string | null {
  const n = event.data.notification;
  if (!n || typeof n !== "object" || !("linkedinId" in n)) return null;
  return typeof n.linkedinId === "string" ? n.linkedinId : null;
}

export async function resolveForEndpoint(event: PresentedEvent, resolveExports: boolean): Promise<Resolution> {
  if (!resolveExports || event.type !== EXPORT_RELAY_TYPE || !event.customerId) return { event };
  const requestId = linkedinIdOf(event);
  const app = await db.customerApplication.findUnique({
    where: { customerId: event.customerId },
    select: { id: true, clientId: true },
  });
  const unresolved = (why: string): Resolution => ({
    event: { ...event, data: { ...event.data, exportedCandidates: null, exportResolutionError: why } },
  });
  if (!requestId || !app)
    return unresolved("Onramp has no LinkedIn application or export id to resolve this export with.");
  try {
    const exportedCandidates = await lookupExportedCandidates(app, requestId);
    return { event: { ...event, data: { ...event.data, exportedCandidates } } };
  } catch (e) {
    if (!isLinkedInError(e)) throw e;
    if (e.retryable) return { retryLater: `Resolving the export at LinkedIn failed: ${e.message}` };
    return unresolved(e.message);
  }
}
