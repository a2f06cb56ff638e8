// PUT/DELETE /rest/integrationConfigurations?ids=List(…) — configurations in the versioned family (L22). Its key
// and methods are not public: ASSUMPTION, the same guess as the portal's table (lib/linkedin/api-versions.ts),
// settled by the resource's published schema: a collection keyed `(integrationContext,integrationType,key,tenantType)`,
// batch_update (PUT, body `{"entities":{key:{"configurationValue":…}}}`) and batch_delete (DELETE), Rest.li 2.0 only.
// Every key is checked as on v2 (C16, C21, L14); answers are keyed canonically (L25).
import { authenticate } from "../auth";
import { keyProblem } from "../compound-key";
import { apiError, describeIssues, readJson, type Reply, type RequestContext } from "../http-io";
import { integrationKeyOf } from "../key-syntax";
import type { ConfigurationValue, Integration } from "../records";
import { canonical2, type Key2, parseKey2, parseList2, rawQuery } from "../restli2";
import type { Runtime } from "../runtime";
import { configurationsBodyEntriesSchema, writeConfigurationEntries } from "./configurations";

type Target = { integration: Integration; name: string; answerKey: string };

/** One `(…,key:NAME,…)` as the integration it belongs to and the configuration name. */
function targetOf(rt: Runtime, clientId: string, parts: Key2): Target | string {
  const { key: name, ...integrationParts } = parts;
  if (!name) return `key part "key" is missing in ${canonical2(parts)}`;
  const key = integrationKeyOf(integrationParts, "rest");
  if (!key.ok) return key.error;
  const problem = keyProblem(key.value);
  if (problem) return problem;
  const integration = rt.state.findIntegration(clientId, key.value);
  if (!integration) return `No integration ${canonical2(integrationParts)} for this application`;
  return { integration, name, answerKey: canonical2(parts) };
}

export async function handleRestConfigurations(ctx: RequestContext, rt: Runtime): Promise<Reply> {
  const auth = authenticate(ctx, rt.state, "customer");
  if (!auth.ok) return auth.reply;
  const clientId = auth.app.clientId;
  const expected = ctx.method === "PUT" ? "batch_update" : "batch_delete";
  const method = ctx.header("x-restli-method");
  if (method?.toLowerCase() !== expected)
    return apiError(400, `X-RestLi-Method must be ${expected}, got ${method === undefined ? "none" : `"${method}"`}`);
  const q = rawQuery(ctx.url.search);
  if (!q.ok) return apiError(400, `query: ${q.error}`);
  const list = parseList2(q.value.get("ids") ?? "");
  if (!list.ok || list.value.length === 0)
    return apiError(
      400,
      `query: ids=List((…),…) naming the configurations is required${list.ok ? "" : `: ${list.error}`}`,
    );
  const targets: Target[] = [];
  for (const item of list.value) {
    if (typeof item === "string") return apiError(400, `ids must be compound keys, got "${item}"`);
    const t = targetOf(rt, clientId, item);
    if (typeof t === "string") return apiError(t.startsWith("No integration") ? 404 : 400, t);
    targets.push(t);
  }
  ctx.note.entityCount = targets.length;
  if (ctx.method === "DELETE") {
    const results: Record<string, { status: number }> = {};
    for (const t of targets) {
      delete t.integration.configurations[t.name];
      t.integration.updatedAt = Date.now();
      results[t.answerKey] = { status: 204 };
    }
    return { status: 200, json: { errors: {}, results } };
  }
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = configurationsBodyEntriesSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, `body: ${describeIssues(parsed.error.issues)}`);
  const byKey = new Map(targets.map((t) => [t.answerKey, t]));
  const groups = new Map<Integration, [string, { configurationValue: ConfigurationValue }][]>();
  for (const [raw, entity] of Object.entries(parsed.data.entities)) {
    const k = parseKey2(raw, "body");
    if (!k.ok) return apiError(400, `entities key "${raw}": ${k.error}`);
    const t = byKey.get(canonical2(k.value));
    if (!t)
      return apiError(400, `entities key "${raw}" is not in ids (the ids and the entities must name the same keys)`);
    byKey.delete(t.answerKey);
    groups.set(t.integration, [...(groups.get(t.integration) ?? []), [t.name, entity]]);
  }
  if (byKey.size > 0) return apiError(400, `${byKey.size} id(s) have no entity in the body`);
  const results: Record<string, { status: number }> = {};
  const errors: Record<string, { status: number; message: string }> = {};
  for (const [integration, entries] of groups) {
    const { tenantType, integrationType, integrationContext } = integration;
    const answer = writeConfigurationEntries(rt.state, clientId, integration, entries, (name) =>
      canonical2({ integrationContext, integrationType, key: name, tenantType }),
    );
    if ("refused" in answer) return answer.refused;
    Object.assign(results, answer.results);
    Object.assign(errors, answer.errors);
  }
  return { status: 200, json: { errors, results } };
}
