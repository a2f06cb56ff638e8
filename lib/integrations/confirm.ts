import "server-only";
// LinkedIn confirms what the widget hands over (issue 20). Organization and contract ids are public, so a
// tuple from onintegrate (C7) is the customer's only once LinkedIn's ids look-up (C19b), asked with the
// customer's OWN application token, answers it: LinkedIn answers an application only about the integrations
// that application holds (the sandbox plays this in sandbox/routes/lookups.ts: 404 in `errors` otherwise).
// The look-up goes through the LinkedIn client, so it is paced, counted and held like every call (C13, C26,
// C30, L17). What LinkedIn does not hold is refused and recorded for support as an anomaly; what LinkedIn
// could not be asked about (429, a daily hold, an outage, refused keys) waits as an UnconfirmedTuple, never
// as the customer's integration, until the fallback poll asks again (confirm-waiting.ts).
import type { AuditActor } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { dataProviderFor } from "@/lib/linkedin/data-provider";
import {
  integrationTuple,
  type LinkedInApplicationRef,
  lookupStatusByTuples,
  type TupleStatus,
  tupleId,
} from "@/lib/linkedin";
import type { WidgetTuple } from "./tuple-schemas";

/** The anomaly support sees for authorizations LinkedIn did not confirm (issues view, "Anomalies"). */
export const UNCONFIRMED_AUTHORIZATION = "UNCONFIRMED_AUTHORIZATION";

export type Confirmation = {
  confirmed: WidgetTuple[];
  /** LinkedIn answered and does not hold the tuple for this application (404, another refusal, or no entry). */
  refused: { tuple: WidgetTuple; status: number | null }[];
  /** LinkedIn could not be asked, or answered with a temporary failure: asked again later. */
  unanswered: { tuple: WidgetTuple; error: string }[];
};

/** What LinkedIn's answer about one tuple means for the customer's claim on it. Pure. */
export function confirmationOf(s: TupleStatus): "confirmed" | "refused" | "unanswered" {
  if (s.ok) return "confirmed";
  // Rate limits and daily holds (C26, L17), outages, no answer at all, or the customer's keys refused (C27):
  // LinkedIn said nothing about the tuple yet.
  if (s.status === 429 || (s.status !== null && s.status >= 500)) return "unanswered";
  if (s.callFailed && (s.status === null || s.status === 401 || s.status === 403)) return "unanswered";
  // C19b: a 404 in `errors`, no entry at all, or LinkedIn refusing the look-up of this key as invalid: this
  // application holds no such integration.
  return "refused";
}

/** Asks LinkedIn (C19b, the customer's own token) which of `tuples` the customer's application holds. */
export async function confirmWithLinkedIn(
  application: LinkedInApplicationRef,
  tuples: readonly WidgetTuple[],
  options: { maxAttempts?: number } = {},
): Promise<Confirmation> {
  const out: Confirmation = { confirmed: [], refused: [], unanswered: [] };
  if (tuples.length === 0) return out;
  const answers = await lookupStatusByTuples(
    application,
    tuples.map((t) => integrationTuple(t)),
    options,
  );
  for (const tuple of tuples) {
    const answer = answers.get(tupleId(integrationTuple(tuple)));
    if (!answer) throw new Error(`the ids look-up gave no outcome for ${tupleId(integrationTuple(tuple))}`);
    const outcome = confirmationOf(answer);
    if (outcome === "confirmed") out.confirmed.push(tuple);
    else if (outcome === "refused") out.refused.push({ tuple, status: answer.ok ? null : answer.status });
    else out.unanswered.push({ tuple, error: answer.ok ? "" : answer.error });
  }
  return out;
}

const label = (t: WidgetTuple) => `${t.integrationType} for ${t.integrationContext} (${t.tenantType})`;

/**
 * Records, for support, tuples a customer admin handed over that LinkedIn does not hold for the customer's
 * application: one open anomaly per hand-over (the issues view), and the audit entry. Nothing is stored as
 * the customer's, and the tuples no longer wait for a confirmation.
 */
export async function recordUnconfirmedAuthorizations(
  actor: AuditActor,
  customerId: string,
  refused: Confirmation["refused"],
  handedOverBy: string,
): Promise<void> {
  if (refused.length === 0) return;
  const tuples = refused.map(({ tuple, status }) => ({ ...tuple, linkedInStatus: status }));
  await db.$transaction(async (tx) => {
    await tx.anomaly.create({
      data: {
        customerId,
        kind: UNCONFIRMED_AUTHORIZATION,
        message:
          `LinkedIn has no record that this customer's application was authorized for ${refused.map((r) => label(r.tuple)).join(", ")}. ` +
          `${handedOverBy} handed ${refused.length === 1 ? "it" : "them"} over through the LinkedIn panel; Onramp stored nothing. ` +
          "Resolve: if the customer says the authorization is real, ask them to authorize it again in the LinkedIn panel while signed in to LinkedIn as an admin of that page or contract.",
        details: { tuples, handedOverBy },
      },
    });
    await tx.unconfirmedTuple.deleteMany({
      where: {
        customerId,
        OR: refused.map(({ tuple }) => ({ ...tuple, dataProvider: dataProviderFor(tuple.integrationType) })),
      },
    });
    await recordAudit(
      actor,
      {
        action: "integration.authorization_unconfirmed",
        targetType: "Customer",
        targetId: customerId,
        customerId,
        details: { tuples },
      },
      tx,
    );
  });
}

/**
 * Keeps tuples LinkedIn could not be asked about as UnconfirmedTuple rows of the customer (one per tuple,
 * C7): not its integrations, blocking nobody, until the fallback poll asks LinkedIn again.
 */
export async function keepUnconfirmed(
  customerId: string,
  requestedById: string | null,
  unanswered: Confirmation["unanswered"],
): Promise<void> {
  for (const { tuple, error } of unanswered) {
    const key = { customerId, ...tuple, dataProvider: dataProviderFor(tuple.integrationType) };
    await db.unconfirmedTuple.upsert({
      where: { customerId_integrationContext_integrationType_tenantType_dataProvider: key },
      create: { ...key, requestedById, lastError: error },
      update: { attempts: { increment: 1 }, lastError: error },
    });
  }
}
