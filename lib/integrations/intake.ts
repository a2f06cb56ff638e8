import "server-only";
// What the widget's onintegrate callback hands over (C7), stored for the signed-in customer admin's
// customer. The customer always comes from the session, never from the request. Every tuple is checked
// (C12: the known types, tenant types and urn:li:organization|contract contexts; offered to this customer;
// not already another customer's), stored idempotently (the unique tuple), and the syncs are started as
// tracked jobs so the request answers at once.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { integrationsRequested } from "@/lib/events/hooks";
import { SafeError } from "@/lib/errors/safe-error";
import { isOffered } from "./offered";
import { startCustomerSync } from "./start-sync";
import { defaultIntegrationName, widgetTupleSchema, type WidgetTuple } from "./types";

/** The widget fires for one authorization at a time; a bound keeps a forged request from storing thousands. */
export const MAX_TUPLES_PER_CALL = 50;

/**
 * The action's input: the tuples only. `.strict()` refuses anything else, a customerId included: the
 * customer is the session's.
 */
export const widgetIntakeSchema = z
  .object({ integrations: z.array(z.unknown()).min(1, "The LinkedIn panel sent no integrations.").max(MAX_TUPLES_PER_CALL, `At most ${MAX_TUPLES_PER_CALL} integrations at a time.`) })
  .strict();

export type IntakeResult = { created: number; existing: number; integrationIds: string[]; message: string };

function tupleLabel(t: WidgetTuple): string {
  return `${t.integrationType} for ${t.integrationContext}`;
}

/** Validates every tuple with widgetTupleSchema; any malformed tuple refuses the whole call, naming each problem. */
export function parseWidgetTuples(raw: unknown[]): WidgetTuple[] {
  const problems: string[] = [];
  const tuples: WidgetTuple[] = [];
  raw.forEach((item, i) => {
    const parsed = widgetTupleSchema.safeParse(item);
    if (parsed.success) tuples.push(parsed.data);
    else problems.push(`integration ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "value"} ${x.message}`).join("; ")}`);
  });
  if (problems.length > 0) {
    throw new SafeError(
      "bad_request",
      `Onramp did not store anything: the LinkedIn panel sent integrations it does not recognise (${problems.join(" / ")}). Try again; if it keeps happening, contact your vendor's support team.`,
    );
  }
  return tuples;
}

export async function recordWidgetIntegrations(actor: Actor, input: z.infer<typeof widgetIntakeSchema>): Promise<IntakeResult> {
  if (actor.role !== "CUSTOMER_ADMIN" || !actor.customerId) {
    throw new SafeError("forbidden", "Only a customer's own admin can authorize LinkedIn integrations for it.");
  }
  const customerId = actor.customerId;
  const tuples = parseWidgetTuples(input.integrations);
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { displayName: true, offeredIntegrationTypes: true, archivedAt: true, application: { select: { id: true } } },
  });
  if (!customer || customer.archivedAt) throw new SafeError("not_found", "Your company's account is not active in Onramp. Contact your vendor.");
  if (!customer.application) {
    throw new SafeError("conflict", "Your company's LinkedIn application is not set up yet, so integrations cannot be stored. Your vendor's operator must set it up.");
  }

  const notOffered = tuples.filter((t) => !isOffered(t, customer.offeredIntegrationTypes));
  if (notOffered.length > 0) {
    throw new SafeError(
      "forbidden",
      `Onramp did not store anything: ${notOffered.map(tupleLabel).join(", ")} ${notOffered.length === 1 ? "is" : "are"} not offered to your company. Ask your vendor to offer it if you need it.`,
    );
  }

  // A tuple already onboarded by another of the vendor's customers is not this customer's to claim.
  const elsewhere = await db.integration.findMany({
    where: {
      customerId: { not: customerId },
      OR: tuples.map((t) => ({ integrationContext: t.integrationContext, integrationType: t.integrationType, tenantType: t.tenantType, dataProvider: "ATS" })),
    },
    select: { integrationContext: true, integrationType: true, tenantType: true },
  });
  if (elsewhere.length > 0) {
    throw new SafeError(
      "conflict",
      `Onramp did not store anything: ${elsewhere.map((t) => tupleLabel(t as WidgetTuple)).join(", ")} already belongs to another company's account. If this LinkedIn page or contract is yours, contact your vendor's support team.`,
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
        data: rows.map((r) => ({ integrationId: r.id, fromStatus: null, toStatus: "REQUESTED" as const, source: "WIDGET" as const, actorId: actor.userId })),
      });
    }
    await integrationsRequested(tx, rows.map((r) => r.id)); // the vendor's event (issue 12)
    return rows;
  });
  const created = { count: createdRows.length };
  const stored = await db.integration.findMany({
    where: {
      customerId,
      OR: [...unique.values()].map((t) => ({ integrationContext: t.integrationContext, integrationType: t.integrationType, tenantType: t.tenantType, dataProvider: "ATS" })),
    },
    select: { id: true, nameSyncedVersion: true, nameVersion: true, configSyncState: true },
  });
  await recordAudit(actor, {
    action: "integration.authorized",
    targetType: "Customer",
    targetId: customerId,
    customerId,
    details: { tuples: [...unique.values()], created: created.count },
  });

  const namesPending = stored.some((s) => s.nameSyncedVersion < s.nameVersion);
  const configPending = stored.some((s) => s.configSyncState !== "SYNCED");
  if (namesPending || configPending) await startCustomerSync(customerId, { names: namesPending, configurations: configPending }, actor.userId);

  const existing = unique.size - created.count;
  const n = (k: number) => `${k} integration${k === 1 ? "" : "s"}`;
  const message =
    created.count > 0
      ? `Stored ${n(created.count)}${existing > 0 ? ` (${existing} already known)` : ""}. Onramp is sending ${created.count === 1 ? "its" : "their"} name${created.count === 1 ? "" : "s"} and settings to LinkedIn now.`
      : `${n(existing)} already stored; nothing new to add.`;
  return { created: created.count, existing, integrationIds: stored.map((s) => s.id), message };
}
