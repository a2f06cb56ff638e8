// POST /v2/atsIntegrations?ids[0]... with x-restli-method: batch_partial_update — the integration
// name sync (C10–C14), enforced as strictly as the seeds allow.
import { z } from "zod";
import { authenticate } from "../auth";
import { keyIdentity, keyProblem, type IntegrationKey } from "../compound-key";
import { apiError, describeIssues, readJson, type Reply, type RequestContext } from "../http-io";
import { maybeAutoPartnerReady } from "../onboarding";
import type { KeySyntax } from "../key-syntax";
import type { Runtime } from "../runtime";
import type { SandboxState } from "../state";

const entitySchema = z
  .object({
    patch: z
      .object({
        $set: z.object({ integrationName: z.string().trim().min(1, "integrationName is required (C11)") }).strict(),
      })
      .strict(),
  })
  .strict();

const bodySchema = z.object({ entities: z.record(z.string(), entitySchema) }).strict();

/**
 * C13: at least `batchSpacingMs` between two batch_partial_update calls of one application. Every call
 * that reaches LinkedIn counts, even one that is then refused. Answers true when this call is too soon.
 */
export function noteBatchArrival(state: SandboxState, clientId: string): boolean {
  const now = Date.now();
  const last = state.lastBatchAt.get(clientId);
  state.lastBatchAt.set(clientId, now);
  const required = state.settings.batchSpacingMs;
  if (last === undefined || now - last >= required) return false;
  state.recordSpacingViolation({ at: now, clientId, sinceLastMs: now - last, requiredMs: required });
  return true;
}

/** Keys in the request's protocol and family (`syntax`, key-syntax.ts): 1.0 on the seeds' v2, 2.0 per L24. */
export async function handleBatchPartialUpdate(ctx: RequestContext, rt: Runtime, syntax: KeySyntax): Promise<Reply> {
  const { state } = rt;
  const auth = authenticate(ctx, state, "customer");
  if (!auth.ok) return auth.reply;
  const clientId = auth.app.clientId;
  if (noteBatchArrival(state, clientId))
    return apiError(429, `batch_partial_update calls must be at least ${state.settings.batchSpacingMs} ms apart (C13)`);

  const method = ctx.header("x-restli-method");
  if (method?.toLowerCase() !== "batch_partial_update")
    return apiError(
      400,
      `header x-restli-method must be batch_partial_update, got ${method === undefined ? "none" : `"${method}"`} (C10)`,
    );

  const ids = syntax.ids(ctx.url);
  if (!ids.ok) return apiError(400, `query: ${ids.error}`);
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, `body: ${describeIssues(parsed.error.issues)} (C11)`);

  const entities: { key: IntegrationKey; name: string }[] = [];
  for (const [rawKey, entity] of Object.entries(parsed.data.entities)) {
    const key = syntax.entityKey(rawKey);
    if (!key.ok) return apiError(400, `entities key "${rawKey}": ${key.error}`);
    entities.push({ key: key.value, name: entity.patch.$set.integrationName });
  }
  ctx.note.entityCount = entities.length;

  const problem = checkKeySets(
    ids.value,
    entities.map((e) => e.key),
    state.settings.maxBatchEntities,
  );
  if (problem) return apiError(400, problem);

  const results: Record<string, { status: number }> = {};
  const errors: Record<string, { status: number; message: string }> = {};
  for (const { key, name } of entities) {
    const answerKey = syntax.answerKey(key, "answer");
    if (!state.settings.integrationTypes.includes(key.integrationType)) {
      // L13: LinkedIn lists its integration types; another is refused (per entity, C14) unless configured.
      errors[answerKey] = { status: 400, message: `Unknown integration type ${key.integrationType}` };
      continue;
    }
    const integration = state.findIntegration(clientId, key);
    if (!integration) {
      // C14: one bad entity does not fail the batch; it answers in `errors` under its own key.
      errors[answerKey] = {
        status: 404,
        message: `No integration ${key.integrationType}/${key.tenantType} for ${key.integrationContext}: the customer has not authorized it for this application`,
      };
      continue;
    }
    integration.integrationName = name;
    integration.updatedAt = Date.now();
    maybeAutoPartnerReady(state, integration);
    results[answerKey] = { status: 204 };
  }
  return { status: 200, json: { errors, results } };
}

/** The ids in the query and the keys of `entities` must be the same set, of valid keys, 1..max of them. */
function checkKeySets(queryKeys: IntegrationKey[], bodyKeys: IntegrationKey[], max: number): string | null {
  if (bodyKeys.length === 0) return "entities must not be empty";
  if (queryKeys.length > max || bodyKeys.length > max)
    return `at most ${max} entities per call (C13), got ${Math.max(queryKeys.length, bodyKeys.length)}`;
  for (const key of [...queryKeys, ...bodyKeys]) {
    const problem = keyProblem(key);
    if (problem) return problem;
  }
  const inQuery = new Set(queryKeys.map(keyIdentity));
  const inBody = new Set(bodyKeys.map(keyIdentity));
  if (inQuery.size !== queryKeys.length) return "the same id appears twice in the query";
  if (inBody.size !== bodyKeys.length) return "the same key appears twice in entities";
  const missingFromQuery = [...inBody].filter((k) => !inQuery.has(k));
  const missingFromBody = [...inQuery].filter((k) => !inBody.has(k));
  if (missingFromQuery.length || missingFromBody.length)
    return `ids in the query and keys of entities must match exactly (C10/C11): ${missingFromQuery.length} entity key(s) not in the query, ${missingFromBody.length} query id(s) not in entities`;
  return null;
}
