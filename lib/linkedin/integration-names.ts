import "server-only";
// Syncing customer-facing integration names (C10, C11, C13, C14): batch_partial_update in batches of at
// most 100, each call in a send slot reserved in Postgres at least LINKEDIN_BATCH_SPACING_MS after the
// application's previous one (across processes), results read per entity.
import type { IntegrationsDialect } from "./api-dialect";
import { batchUpdateOutcomes, type EntityOutcome } from "./batch-results";
import { callInBatches } from "./batch-calls";
import { compoundKey, type IntegrationTuple, tupleId } from "./compound-key";
import { dialectNow } from "./dialect-now";
import type { LinkedInError } from "./errors";
import { linkedInRequest } from "./http";
import { batchUpdateResponseSchema } from "./schemas";
import { asApplication, type LinkedInApplicationRef } from "./token";

export interface IntegrationNameItem {
  tuple: IntegrationTuple;
  name: string;
}

export interface NameSyncResult extends EntityOutcome {
  /** True when the failure came from the whole call (rate limit, outage) and a later run may succeed. */
  retryable?: boolean;
  /** Set when the application's daily limit is spent: nothing is sent before this midnight UTC (C26, L17). */
  heldUntil?: Date;
}

/** The request body of C11: entities keyed by compound key (`keyOf`: the family's, L24), each a "$set" of integrationName. */
export function batchPartialUpdateBody(
  items: readonly IntegrationNameItem[],
  keyOf: (t: IntegrationTuple) => string = compoundKey,
): {
  entities: Record<string, { patch: { $set: { integrationName: string } } }>;
} {
  const entities: Record<string, { patch: { $set: { integrationName: string } } }> = {};
  for (const item of items) entities[keyOf(item.tuple)] = { patch: { $set: { integrationName: item.name } } };
  return { entities };
}

/** Whether a failed call means the remaining batches would fail the same way (so they are not sent). */
function failAll(items: readonly IntegrationNameItem[], e: LinkedInError): NameSyncResult[] {
  return items.map((i) => ({
    tuple: i.tuple,
    ok: false,
    status: e.httpStatus ?? null,
    error: e.message,
    retryable: e.retryable,
    ...(e.heldUntil ? { heldUntil: e.heldUntil } : {}),
  }));
}

/**
 * Sends the names of `items` for one customer application; answers one result per item, in order.
 * Items repeating a tuple are sent once, with the last name given, and share its result. A name must
 * not be empty (C11: required). Failures are results, not exceptions; only programming errors throw.
 */
export async function syncIntegrationNames(
  application: LinkedInApplicationRef,
  items: readonly IntegrationNameItem[],
): Promise<NameSyncResult[]> {
  const byId = new Map<string, NameSyncResult>();
  const toSend = new Map<string, IntegrationNameItem>();
  for (const item of items) {
    const id = tupleId(item.tuple);
    if (item.name.trim() === "") {
      toSend.delete(id);
      byId.set(id, {
        tuple: item.tuple,
        ok: false,
        status: null,
        error: "The integration has no name; LinkedIn requires one.",
      });
    } else {
      byId.delete(id);
      toSend.set(id, item);
    }
  }

  const caller = asApplication(application);
  await callInBatches(
    [...toSend.values()],
    async (batch) => {
      // L22: the family in force for this batch (a switch mid-run takes effect at the next batch).
      const d: IntegrationsDialect = await dialectNow();
      const { data } = await linkedInRequest({
        endpoint: d.endpoints.names,
        ...caller,
        method: "POST",
        url: `${d.integrationsUrl}?${d.idsParam(batch.map((i) => i.tuple))}`,
        headers: { ...d.headers, "x-restli-method": "batch_partial_update" },
        body: { json: batchPartialUpdateBody(batch, d.entityKey) },
        schema: batchUpdateResponseSchema,
      });
      for (const outcome of batchUpdateOutcomes(
        batch.map((i) => i.tuple),
        data,
      ))
        byId.set(tupleId(outcome.tuple), outcome);
    },
    (failing, err) => {
      for (const r of failAll(failing, err)) byId.set(tupleId(r.tuple), r);
    },
  );

  return items.map((item) => {
    const r = byId.get(tupleId(item.tuple));
    if (!r) throw new Error("syncIntegrationNames lost an item");
    return { ...r, tuple: item.tuple };
  });
}
