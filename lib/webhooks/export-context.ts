import "server-only";
// L27: LinkedIn's answer to exportedCandidates?q=request names the integration context the export belongs to,
// and the ATS "should verify that this identifier correlates to the callback URL the request was sent to". The
// push arrived at one customer's callback URL (its callbackKey), so every context the answer names must be one of
// that customer's own integrations. Otherwise the candidates are not relayed as this customer's: the event goes
// out with exportResolutionError instead, and support sees an anomaly (issues view), without the candidates.
// ASSUMPTION: the context is a field of each element, or of the answer itself (L27 does not say where); an answer
// naming none can not be checked and is treated like a mismatch (setting LINKEDIN_EXPORT_CONTEXT_REQUIRED).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { ExportedCandidate } from "@/lib/linkedin";
import { logger } from "@/lib/log/logger";

/** Anomaly kind: an export whose integrationContext is not one of the receiving customer's (L27). */
export const FOREIGN_EXPORT = "FOREIGN_EXPORT";

/** The contexts an answer names; null where an element names none. */
function namedContexts(candidates: ExportedCandidate[]): (string | null)[] {
  return candidates.map((c) => (typeof c.integrationContext === "string" ? c.integrationContext : null));
}

/**
 * Checks a resolved export against the customer it was pushed to. Answers null when it is theirs, else the
 * error the event carries instead of the candidates (and records the anomaly once per event).
 */
export async function checkExportOwner(opts: {
  customerId: string;
  linkedinId: string;
  candidates: ExportedCandidate[];
}): Promise<string | null> {
  const named = namedContexts(opts.candidates);
  const own = await db.integration.findMany({
    where: { customerId: opts.customerId },
    select: { integrationContext: true },
  });
  const owned = new Set(own.map((i) => i.integrationContext));
  const required = env().LINKEDIN_EXPORT_CONTEXT_REQUIRED;
  const foreign = named.filter((c): c is string => c !== null && !owned.has(c));
  const unnamed = named.filter((c) => c === null).length;
  if (foreign.length === 0 && (unnamed === 0 || !required)) return null;

  const what =
    foreign.length > 0
      ? `names ${[...new Set(foreign)].join(", ")}, which is not one of this customer's LinkedIn integrations`
      : "names no integration context, so Onramp can not tell whose it is";
  const message =
    `LinkedIn's answer for One-Click Export ${opts.linkedinId} ${what}. ` +
    "The export was not relayed as this customer's candidates; ask LinkedIn which customer it belongs to.";
  const notification = await db.notification.findUnique({
    where: { customerId_linkedinId: { customerId: opts.customerId, linkedinId: opts.linkedinId } },
    select: { id: true },
  });
  await db.anomaly.create({
    data: {
      customerId: opts.customerId,
      notificationId: notification?.id ?? null,
      kind: FOREIGN_EXPORT,
      message,
      // The contexts only: the candidates are personal data and stay out of the anomaly (C3).
      details: { linkedinId: opts.linkedinId, namedContexts: [...new Set(foreign)], unnamed },
    },
  });
  logger().warn(
    { customerId: opts.customerId, linkedinId: opts.linkedinId, foreign: foreign.length, unnamed },
    "a resolved export does not belong to the customer whose callback URL received it",
  );
  return message;
}
