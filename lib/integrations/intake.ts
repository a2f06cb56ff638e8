import "server-only";
// What the plugin's onintegrate callback hands over (C7, L12), stored for the signed-in customer admin's
// customer. The customer always comes from the session, never from the request. Each tuple is judged on
// its own: a malformed one (C12), one of a bundle this customer was not offered (C6, L11), or one already
// another customer's is refused alone with a message, and the others are stored. A type Onramp does not
// know yet is stored and named generically (L12) and support sees it in the issues view. Stored tuples
// are idempotent (the unique tuple), and the syncs are started as tracked jobs so the request answers at once.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { integrationsRequested } from "@/lib/events/hooks";
import { SafeError } from "@/lib/errors/safe-error";
import { isOffered } from "./offered";
import { startCustomerSync } from "./start-sync";
import { defaultIntegrationName, isKnownIntegrationType, widgetTupleSchema, type WidgetTuple } from "./types";

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

/** A tuple refused alone: its 1-based place in the callback and why. */
export type RefusedTuple = { position: number; reason: string };
export type IntakeResult = {
  created: number;
  existing: number;
  integrationIds: string[];
  refused: RefusedTuple[];
  /** Types of stored tuples that Onramp does not know yet (L12): shown to support in the issues view. */
  unknownTypes: string[];
  message: string;
};

function tupleLabel(t: WidgetTuple): string {
  return `${t.integrationType} for ${t.integrationContext}`;
}

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
        reason: `not recognised (${parsed.error.issues.map((x) => `${x.path.join(".") || "value"} ${x.message}`).join("; ")})`,
      });
  });
  return { accepted, refused };
}

function refusalText(refused: RefusedTuple[]): string {
  return refused.map((r) => `integration ${r.position}: ${r.reason}`).join(" / ");
}

export async function recordWidgetIntegrations(
  actor: Actor,
  input: z.infer<typeof widgetIntakeSchema>,
): Promise<IntakeResult> {
  if (actor.role !== "CUSTOMER_ADMIN" || !actor.customerId) {
    throw new SafeError("forbidden", "Only a customer's own admin can authorize LinkedIn integrations for it.");
  }
  const customerId = actor.customerId;
  const { accepted, refused } = parseWidgetTuples(input.integrations);
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      displayName: true,
      offeredIntegrationTypes: true,
      archivedAt: true,
      application: { select: { id: true } },
    },
  });
  if (!customer || customer.archivedAt)
    throw new SafeError("not_found", "Your company's account is not active in Onramp. Contact your vendor.");
  if (!customer.application) {
    throw new SafeError(
      "conflict",
      "Your company's LinkedIn application is not set up yet, so integrations cannot be stored. Your vendor's operator must set it up.",
    );
  }

  const offered = accepted.filter(({ position, tuple }) => {
    if (isOffered(tuple, customer.offeredIntegrationTypes)) return true;
    refused.push({
      position,
      reason: `${tupleLabel(tuple)} is not offered to your company; ask your vendor to offer it if you need it`,
    });
    return false;
  });

  // A tuple already onboarded by another of the vendor's customers is not this customer's to claim.
  const elsewhere =
    offered.length === 0
      ? []
      : await db.integration.findMany({
          where: {
            customerId: { not: customerId },
            OR: offered.map(({ tuple: t }) => ({
              integrationContext: t.integrationContext,
              integrationType: t.integrationType,
              tenantType: t.tenantType,
              dataProvider: "ATS",
            })),
          },
          select: { integrationContext: true, integrationType: true, tenantType: true },
        });
  const claimed = new Set(elsewhere.map((t) => `${t.integrationContext}|${t.integrationType}|${t.tenantType}`));
  const tuples = offered.flatMap(({ position, tuple }) => {
    if (!claimed.has(`${tuple.integrationContext}|${tuple.integrationType}|${tuple.tenantType}`)) return [tuple];
    refused.push({
      position,
      reason: `${tupleLabel(tuple)} already belongs to another company's account; if this LinkedIn page or contract is yours, contact your vendor's support team`,
    });
    return [];
  });
  refused.sort((a, b) => a.position - b.position);
  if (tuples.length === 0) {
    throw new SafeError(
      refused.some((r) => r.reason.startsWith("not recognised"))
        ? "bad_request"
        : claimed.size > 0
          ? "conflict"
          : "forbidden",
      `Onramp did not store anything: ${refusalText(refused)}. If this keeps happening, contact your vendor's support team.`,
    );
  }

  const unique = new Map(tuples.map((t) => [`${t.integrationContext}|${t.integrationType}|${t.tenantType}`, t]));
  // The integration and the first entry of its history (REQUESTED, from the widget) are written together.
  const createdRows = await db.$transaction(async (tx) => {
    const rows = await tx.integration.createManyAndReturn({
      data: [...unique.values()].map((t) => ({
        customerId,
        integrationContext: t.integrationContext,
        integrationType: t.integrationType,
        tenantType: t.tenantType,
        dataProvider: "ATS",
        name: defaultIntegrationName(customer.displayName, t.tenantType, t.integrationType),
        statusSource: "WIDGET" as const,
      })),
      skipDuplicates: true, // C7: the widget may hand the same tuple twice; it is one integration
      select: { id: true },
    });
    if (rows.length > 0) {
      await tx.integrationStatusChange.createMany({
        data: rows.map((r) => ({
          integrationId: r.id,
          fromStatus: null,
          toStatus: "REQUESTED" as const,
          source: "WIDGET" as const,
          actorId: actor.userId,
        })),
      });
    }
    await integrationsRequested(
      tx,
      rows.map((r) => r.id),
    ); // the vendor's event (issue 12)
    return rows;
  });
  const created = { count: createdRows.length };
  const stored = await db.integration.findMany({
    where: {
      customerId,
      OR: [...unique.values()].map((t) => ({
        integrationContext: t.integrationContext,
        integrationType: t.integrationType,
        tenantType: t.tenantType,
        dataProvider: "ATS",
      })),
    },
    select: { id: true, nameSyncedVersion: true, nameVersion: true, configSyncState: true },
  });
  await recordAudit(actor, {
    action: "integration.authorized",
    targetType: "Customer",
    targetId: customerId,
    customerId,
    details: { tuples: [...unique.values()], created: created.count, refused: refused.length },
  });

  const namesPending = stored.some((s) => s.nameSyncedVersion < s.nameVersion);
  const configPending = stored.some((s) => s.configSyncState !== "SYNCED");
  if (namesPending || configPending)
    await startCustomerSync(customerId, { names: namesPending, configurations: configPending }, actor.userId);

  const existing = unique.size - created.count;
  const n = (k: number) => `${k} integration${k === 1 ? "" : "s"}`;
  const summary =
    created.count > 0
      ? `Stored ${n(created.count)}${existing > 0 ? ` (${existing} already known)` : ""}. Onramp is sending ${created.count === 1 ? "its" : "their"} name${created.count === 1 ? "" : "s"} and settings to LinkedIn now.`
      : `${n(existing)} already stored; nothing new to add.`;
  const message = refused.length > 0 ? `${summary} Not stored: ${refusalText(refused)}.` : summary;
  const unknownTypes = [
    ...new Set([...unique.values()].map((t) => t.integrationType).filter((t) => !isKnownIntegrationType(t))),
  ];
  return { created: created.count, existing, integrationIds: stored.map((s) => s.id), refused, unknownTypes, message };
}
