import "server-only";
// Onboarding status lookups: by notification id (C19, q=request, paged) and by tuples (C19b, the manual
// lookup and the fallback poll of C28), batched and paced like the name sync (C13, C30).
import { integrationTuple, tupleId, type IntegrationTuple } from "./compound-key";
import { idsLookupOutcomes, type TupleStatus } from "./batch-results";
import { callInBatches } from "./batch-calls";
import { dialectNow } from "./dialect-now";
import { LinkedInError } from "./errors";
import { linkedInRequest } from "./http";
import type { LinkedInOnboardingStatus, Paging } from "./schemas";
import { idsLookupSchemaOf, requestLookupSchemaOf } from "./status-schemas";
import { asApplication, type LinkedInApplicationRef } from "./token";

/** A guard against a server that pages forever. */
export const MAX_PAGES = 100;

export interface IntegrationStatus {
  tuple: IntegrationTuple;
  integrationName?: string;
  onboardingStatus: LinkedInOnboardingStatus;
}

/**
 * The next page's start, or undefined at the end (C19, C30): the end is a short page (fewer than
 * `count`), an empty one, or one without a "next" link. A start that does not move on also ends it.
 */
export function nextPageStart(paging: Paging, returned: number, currentStart: number): number | undefined {
  if (returned === 0 || returned < paging.count) return undefined;
  if (!paging.links.some((l) => l.rel === "next")) return undefined;
  const next = paging.start + returned;
  return next > currentStart ? next : undefined;
}

/**
 * GET {api}/v2/atsIntegrations?q=request&requestId={id} (C19), following the paging to the end.
 * One entry per integration the notification is about, de-duplicated by tuple.
 */
export async function lookupStatusByRequest(
  application: LinkedInApplicationRef,
  requestId: string,
): Promise<IntegrationStatus[]> {
  const caller = asApplication(application);
  const found = new Map<string, IntegrationStatus>();
  let start = 0;
  let count: number | undefined;
  for (let page = 1; ; page += 1) {
    // L22: each page in the family in force when it is asked for (paging is the same in both, L25).
    const d = await dialectNow();
    const base = `${d.integrationsUrl}?q=request&requestId=${encodeURIComponent(requestId)}`;
    const { data } = await linkedInRequest({
      endpoint: d.endpoints.lookupByRequest,
      ...caller,
      method: "GET",
      url: count === undefined ? base : `${base}&start=${start}&count=${count}`,
      headers: d.headers,
      schema: requestLookupSchemaOf(d.choice.family, d.statusField),
    });
    for (const el of data.elements) {
      const tuple = integrationTuple(el);
      found.set(tupleId(tuple), { tuple, integrationName: el.integrationName, onboardingStatus: el.onboardingStatus });
    }
    const next = nextPageStart(data.paging, data.elements.length, start);
    if (next === undefined) break;
    if (page >= MAX_PAGES) {
      throw new LinkedInError(
        "invalid_response",
        `LinkedIn kept returning pages for notification ${requestId} (more than ${MAX_PAGES}); Onramp stopped reading them.`,
        { endpoint: d.endpoints.lookupByRequest, attempts: page },
      );
    }
    start = next;
    count = data.paging.count;
  }
  return [...found.values()];
}

/**
 * GET {api}/v2/atsIntegrations?ids[0]… (C19b) for every tuple, at most 100 a call, each call paced.
 * Answers a Map keyed by tupleId(tuple) with a status or an error for every tuple asked.
 * A call that fails after its retries (`maxAttempts`, at most LINKEDIN_MAX_ATTEMPTS) makes its tuples (and,
 * when it would fail the same way, the remaining ones) errors marked `callFailed`; nothing throws but
 * programming errors. Also the widget intake's confirmation: an application sees only its own integrations.
 */
export async function lookupStatusByTuples(
  application: LinkedInApplicationRef,
  tuples: readonly IntegrationTuple[],
  options: { maxAttempts?: number } = {},
): Promise<Map<string, TupleStatus>> {
  const unique = [...new Map(tuples.map((t) => [tupleId(t), t])).values()];
  const caller = asApplication(application);
  const out = new Map<string, TupleStatus>();
  await callInBatches(
    unique,
    async (batch) => {
      const d = await dialectNow();
      const { data } = await linkedInRequest({
        endpoint: d.endpoints.lookupByIds,
        ...caller,
        method: "GET",
        url: `${d.integrationsUrl}?${d.idsParam(batch)}`,
        headers: d.headers,
        schema: idsLookupSchemaOf(d.choice.family, d.statusField),
        maxAttempts: options.maxAttempts,
      });
      for (const s of idsLookupOutcomes(batch, data)) out.set(tupleId(s.tuple), s);
    },
    (failing, err) => {
      for (const tuple of failing) {
        out.set(tupleId(tuple), {
          tuple,
          ok: false,
          status: err.httpStatus ?? null,
          error: err.message,
          callFailed: true,
        });
      }
    },
  );
  return out;
}
