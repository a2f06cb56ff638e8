// Reading the per-entity answers of LinkedIn's batch calls (C14, C19b). Pure.
// Keys come back in another field order and URL-encoded: every key is parsed into a tuple and matched
// by tupleId, never compared as a string.
import { tupleOfAnswerKey } from "./api-dialect";
import { tupleId, type IntegrationTuple } from "./compound-key";
import { describeEntityError } from "./error-body";
import type { BatchUpdateResponse, IdsLookupResponse, LinkedInOnboardingStatus } from "./schemas";

export interface EntityOutcome {
  tuple: IntegrationTuple;
  ok: boolean;
  /** The entity's own status (204 on success, C14); null when LinkedIn gave none. */
  status: number | null;
  error?: string;
}

/** Re-keys a record of compound keys by tupleId; keys that do not parse are listed apart. */
function byTupleId<V>(record: Record<string, V>): { entries: Map<string, V>; unreadable: string[] } {
  const entries = new Map<string, V>();
  const unreadable: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    // Either family's syntax (C14, L25). A key Onramp can not read belongs to no entity it sent; it is reported, not guessed at.
    const tuple = tupleOfAnswerKey(key);
    if (tuple) entries.set(tupleId(tuple), value);
    else unreadable.push(key);
  }
  return { entries, unreadable };
}

export const NO_RESULT_RETURNED = "LinkedIn returned no result for this integration";

/** Outcome per sent tuple of a batch_partial_update answer (C14): 204 = success. */
export function batchUpdateOutcomes(sent: readonly IntegrationTuple[], body: BatchUpdateResponse): EntityOutcome[] {
  const results = byTupleId(body.results).entries;
  const errors = byTupleId(body.errors).entries;
  return sent.map((tuple) => {
    const id = tupleId(tuple);
    const result = results.get(id);
    const error = errors.get(id);
    if (error)
      return {
        tuple,
        ok: false,
        status: error.status ?? result?.status ?? null,
        error: describeEntityError(error, result?.status),
      };
    if (!result) return { tuple, ok: false, status: null, error: NO_RESULT_RETURNED };
    if (result.status === 204) return { tuple, ok: true, status: 204 };
    if (result.status >= 200 && result.status < 300) return { tuple, ok: true, status: result.status };
    return { tuple, ok: false, status: result.status, error: describeEntityError(undefined, result.status) };
  });
}

export type TupleStatus =
  | { tuple: IntegrationTuple; ok: true; integrationName?: string; onboardingStatus: LinkedInOnboardingStatus }
  | {
      tuple: IntegrationTuple;
      ok: false;
      status: number | null;
      error: string;
      /** Set when the call itself failed (no answer, 429, 5xx, refused keys): LinkedIn said nothing about this tuple. */
      callFailed?: true;
    };

/** Status per asked tuple of an ids lookup (C19b). */
export function idsLookupOutcomes(asked: readonly IntegrationTuple[], body: IdsLookupResponse): TupleStatus[] {
  const results = byTupleId(body.results).entries;
  const errors = byTupleId(body.errors).entries;
  const statuses = byTupleId(body.statuses).entries;
  return asked.map((tuple): TupleStatus => {
    const id = tupleId(tuple);
    const result = results.get(id);
    const error = errors.get(id);
    const status = statuses.get(id);
    if (result && !error)
      return { tuple, ok: true, integrationName: result.integrationName, onboardingStatus: result.onboardingStatus };
    if (error)
      return { tuple, ok: false, status: error.status ?? status ?? null, error: describeEntityError(error, status) };
    if (status !== undefined) return { tuple, ok: false, status, error: describeEntityError(undefined, status) };
    return { tuple, ok: false, status: null, error: NO_RESULT_RETURNED };
  });
}
