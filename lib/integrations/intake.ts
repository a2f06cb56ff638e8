import "server-only";
// What the plugin's onintegrate callback hands over (C7, L12), stored for the signed-in customer admin's
// customer. The customer always comes from the session, never from the request. Each tuple is judged on
// its own: a malformed one (C12) or one of a bundle this customer was not offered (C6, L11) is refused alone
// with a message. A new tuple is the customer's only once LinkedIn confirms it for the customer's own
// application (C19b, confirm.ts; issue 20: organization ids are public): asked once, here, with the
// customer's token; what LinkedIn does not hold is refused and recorded for support; what LinkedIn could not
// be asked about waits, not as the customer's, until the fallback poll asks again. Nothing here depends on
// another customer: a tuple LinkedIn confirms for two customers is stored for both and support sees the
// conflict (lib/support/tuple-conflicts.ts). A type Onramp does not know yet is stored and named generically
// (L12) and support sees it in the issues view. Stored tuples are idempotent (the unique tuple), and the
// syncs are started as tracked jobs.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { dataProviderFor } from "@/lib/linkedin/data-provider";
import { recordFlowStep } from "@/lib/onboarding-flow/record";
import { confirmWithLinkedIn, keepUnconfirmed, recordUnconfirmedAuthorizations } from "./confirm";
import {
  notConfirmed,
  notOffered,
  notRecognised,
  notStored,
  nothingStored,
  type RefusedTuple,
  type Said,
  storedSummary,
  waitingForLinkedIn,
} from "./intake-answers";
import { isOffered } from "./offered";
import { storeConfirmedTuples } from "./store-confirmed";
import { type WidgetTuple, widgetTupleSchema } from "./tuple-schemas";
import { isKnownIntegrationType } from "./types";

/** The widget fires for one authorization at a time; a bound keeps a forged request from storing thousands. */
export const MAX_TUPLES_PER_CALL = 50;

/**
 * The action's input: the tuples only. `.strict()` refuses anything else, a customerId included: the
 * customer is the session's.
 */
export const widgetIntakeSchema = z
  .object({
    integrations: z
      .array(z.unknown())
      .min(1, "The LinkedIn panel sent no integrations.")
      .max(MAX_TUPLES_PER_CALL, `At most ${MAX_TUPLES_PER_CALL} integrations at a time.`),
  })
  .strict();

export type { RefusedTuple } from "./intake-answers";
export type IntakeResult = {
  created: number;
  existing: number;
  integrationIds: string[];
  refused: RefusedTuple[];
  /** Tuples LinkedIn could not be asked about yet: not stored as the customer's, asked again by the poll. */
  waiting: number;
  /** Types of stored tuples that Onramp does not know yet (L12): shown to support in the issues view. */
  unknownTypes: string[];
  message: string;
  /** The message's sentences with their catalogue keys, for the admin's language (issue 25 point 1). */
  said: Said[];
};

type Placed = { position: number; tuple: WidgetTuple };

/** Checks each tuple's shape with widgetTupleSchema (C12); a malformed tuple is refused alone. */
export function parseWidgetTuples(raw: unknown[]): { accepted: Placed[]; refused: RefusedTuple[] } {
  const accepted: Placed[] = [];
  const refused: RefusedTuple[] = [];
  raw.forEach((item, i) => {
    const parsed = widgetTupleSchema.safeParse(item);
    if (parsed.success) accepted.push({ position: i + 1, tuple: parsed.data });
    else
      refused.push({
        position: i + 1,
        ...notRecognised(parsed.error.issues.map((x) => `${x.path.join(".") || "value"} ${x.message}`).join("; ")),
      });
  });
  return { accepted, refused };
}

export async function recordWidgetIntegrations(
  actor: Actor,
  input: z.infer<typeof widgetIntakeSchema>,
): Promise<IntakeResult> {
  if (actor.role !== "CUSTOMER_ADMIN" || !actor.customerId) {
    throw new SafeError(
      "forbidden",
      "Only a customer's own admin can authorize LinkedIn integrations for it.",
      undefined,
      {
        notice: { key: "customerAdminOnly" },
      },
    );
  }
  const customerId = actor.customerId;
  const { accepted, refused } = parseWidgetTuples(input.integrations);
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      displayName: true,
      offeredIntegrationTypes: true,
      archivedAt: true,
      application: { select: { id: true, clientId: true } },
    },
  });
  if (!customer || customer.archivedAt)
    throw new SafeError(
      "not_found",
      "Your company's account is not active in Onramp. Contact your vendor.",
      undefined,
      {
        notice: { key: "accountInactive" },
      },
    );
  if (!customer.application) {
    throw new SafeError(
      "conflict",
      "Your company's LinkedIn application is not set up yet, so integrations cannot be stored. Your vendor's operator must set it up.",
      undefined,
      { notice: { key: "applicationMissing" } },
    );
  }

  // Issue 22: the plugin handed tuples over; whether LinkedIn confirms them is the next step.
  const person = { customerId, personId: actor.userId };
  await recordFlowStep({ ...person, step: "BUNDLE_AUTHORIZED", outcome: "OK" });
  const offered = accepted.filter(({ position, tuple }) => {
    if (isOffered(tuple, customer.offeredIntegrationTypes)) return true;
    refused.push({ position, ...notOffered(tuple) });
    return false;
  });

  // The first place of each distinct tuple (C7: the widget may hand one over twice).
  const placeOf = new Map<string, number>();
  for (const { position, tuple } of offered) if (!placeOf.has(tupleKey(tuple))) placeOf.set(tupleKey(tuple), position);
  const unique = [...new Map(offered.map(({ tuple }) => [tupleKey(tuple), tuple])).values()];
  const known =
    unique.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db.integration.findMany({
              where: {
                customerId,
                OR: unique.map((t) => ({ ...t, dataProvider: dataProviderFor(t.integrationType) })),
              },
              select: { integrationContext: true, integrationType: true, tenantType: true },
            })
          ).map(tupleKey),
        );
  // Issue 20, C19b: a tuple not yet the customer's is asked about once, here, with the customer's own token.
  const linkedIn = await confirmWithLinkedIn(
    customer.application,
    unique.filter((t) => !known.has(tupleKey(t))),
    { maxAttempts: 1 },
  );
  for (const { tuple } of linkedIn.refused)
    refused.push({ position: placeOf.get(tupleKey(tuple)) ?? 0, ...notConfirmed(tuple) });
  await recordUnconfirmedAuthorizations(actor, customerId, linkedIn.refused, actor.email);
  await keepUnconfirmed(customerId, actor.userId, linkedIn.unanswered);
  refused.sort((a, b) => a.position - b.position);
  const confirmed = [...unique.filter((t) => known.has(tupleKey(t))), ...linkedIn.confirmed];
  const waiting = linkedIn.unanswered.length;
  if (confirmed.length > 0) await recordFlowStep({ ...person, step: "TUPLES_CONFIRMED", outcome: "OK" });
  else if (waiting === 0)
    await recordFlowStep({ ...person, step: "TUPLES_CONFIRMED", outcome: "FAILED", reason: "TUPLES_REFUSED" });
  if (confirmed.length === 0 && waiting === 0) {
    const answer = nothingStored(refused);
    throw new SafeError(
      refused.some((r) => r.notice.key === "tupleNotRecognised") ? "bad_request" : "forbidden",
      answer.message,
      undefined,
      { notice: answer.notice },
    );
  }

  const stored = await storeConfirmedTuples({
    customerId,
    customerName: customer.displayName,
    requestedById: actor.userId,
    tuples: confirmed,
  });
  await recordAudit(actor, {
    action: "integration.authorized",
    targetType: "Customer",
    targetId: customerId,
    customerId,
    details: {
      tuples: confirmed,
      created: stored.created,
      waiting: linkedIn.unanswered.map(({ tuple }) => tuple),
      refused: refused.length,
    },
  });

  const existing = confirmed.length - stored.created;
  const said = [
    storedSummary(stored.created, existing),
    waiting > 0 ? waitingForLinkedIn(waiting) : undefined,
    refused.length > 0 ? notStored(refused) : undefined,
  ].filter((s): s is Said => s !== undefined);
  const unknownTypes = [...new Set(confirmed.map((t) => t.integrationType).filter((t) => !isKnownIntegrationType(t)))];
  return {
    created: stored.created,
    existing,
    integrationIds: stored.integrationIds,
    refused,
    waiting,
    unknownTypes,
    message: said.map((s) => s.message).join(" "),
    said,
  };
}

const tupleKey = (t: { integrationContext: string; integrationType: string; tenantType: string }) =>
  `${t.integrationContext}|${t.integrationType}|${t.tenantType}`;
