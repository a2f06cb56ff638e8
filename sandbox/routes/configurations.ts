// PUT/GET/DELETE /v2/atsIntegrations/{compound key}/configurations — configurations of one integration
// (C15–C17), as LinkedIn's Postman collection sends them (L15): PUT with `x-restli-method: batch_update`
// and `?ids=` naming exactly the body's keys, DELETE with `?ids=` and no body. Keys are checked against
// the type's table (L14, the `configurationKeys` setting); the viewers keys take ALL_PRODUCT_USERS only.
import { z } from "zod";
import { authenticate } from "../auth";
import { keyProblem, parseCompoundKey, type IntegrationKey, type Parsed } from "../compound-key";
import { apiError, describeIssues, readJson, type Reply, type RequestContext } from "../http-io";
import { callbackUrlOf, CALLBACK_URL_KEY, maybeAutoPartnerReady } from "../onboarding";
import { pathKey2 } from "../key-syntax";
import { parseList2, rawQuery } from "../restli2";
import type { Runtime } from "../runtime";
import type { ConfigurationValue, Integration } from "../records";
import type { SandboxState } from "../state";

const valueSchema = z.union([
  z.object({ string: z.string() }).strict(),
  z.object({ boolean: z.boolean() }).strict(),
  z.object({ int: z.number().int() }).strict(),
  z.object({ long: z.number().int() }).strict(),
]);

/** rest/integrationConfigurations' body: entities keyed by 2.0 keys (checked by its route). */
export const configurationsBodyEntriesSchema = z
  .object({ entities: z.record(z.string(), z.object({ configurationValue: valueSchema }).strict()) })
  .strict();

export const configurationsBodySchema = z
  .object({
    entities: z
      .record(
        z.string().regex(/^[A-Z][A-Z0-9_]*$/, "configuration keys are enum names like CALLBACK_URL"),
        z.object({ configurationValue: valueSchema }).strict(),
      )
      .refine((e) => Object.keys(e).length > 0, "entities must not be empty"),
  })
  .strict();

/**
 * The key segment may arrive as `integrationContext=urn%3Ali%3A...&integrationType=...` (Rest.li's
 * form) or wholly encoded with encodeURIComponent (`integrationContext%3Durn%253Ali...`).
 */
export function parsePathKey(segment: string): Parsed<IntegrationKey> {
  if (!segment.includes("=") && /%3D/i.test(segment)) {
    try {
      return parseCompoundKey(decodeURIComponent(segment));
    } catch (err) {
      if (err instanceof URIError) return { ok: false, error: "malformed percent-encoding in the path key" };
      throw err;
    }
  }
  return parseCompoundKey(segment);
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** C21: https on port 80 or 443; loopback http(s) on any port only with allowInsecureCallbacks. */
export function callbackUrlProblem(value: string, allowInsecure: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    if (err instanceof TypeError) return `CALLBACK_URL "${value}" is not a URL`;
    throw err;
  }
  if (allowInsecure && LOOPBACK.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:"))
    return null;
  if (url.protocol !== "https:") return `CALLBACK_URL must be https (C21), got "${value}"`;
  if (url.port !== "" && url.port !== "443" && url.port !== "80")
    return `CALLBACK_URL must use port 443 or 80 (C21), got ${url.port}`;
  return null;
}

/** C21: one URL never serves two customers (applications). */
function urlOfAnotherApplication(state: SandboxState, clientId: string, url: string): string | null {
  for (const i of state.integrations.values())
    if (i.clientId !== clientId && callbackUrlOf(i) === url) return i.clientId;
  return null;
}

/** `?ids=` of the request: repeated `ids=K` in 1.0 (L15), `ids=List(K1,K2)` in 2.0 (L24). */
function configurationIds(ctx: RequestContext, protocol: "1.0" | "2.0"): Parsed<string[]> {
  if (protocol === "1.0") return { ok: true, value: ctx.url.searchParams.getAll("ids") };
  const q = rawQuery(ctx.url.search);
  if (!q.ok) return q;
  const raw = q.value.get("ids");
  if (raw === undefined) return { ok: true, value: [] };
  const list = parseList2(raw);
  if (!list.ok) return list;
  if (list.value.some((k) => typeof k !== "string")) return { ok: false, error: "ids must be configuration keys" };
  return { ok: true, value: list.value.filter((k): k is string => typeof k === "string") };
}

export async function handleConfigurations(
  ctx: RequestContext,
  rt: Runtime,
  segment: string,
  protocol: "1.0" | "2.0",
): Promise<Reply> {
  const { state } = rt;
  const auth = authenticate(ctx, state, "customer");
  if (!auth.ok) return auth.reply;
  const key = protocol === "2.0" ? pathKey2(segment) : parsePathKey(segment);
  if (!key.ok) return apiError(400, `path key: ${key.error}`);
  const problem = keyProblem(key.value);
  if (problem) return apiError(400, problem);
  const integration = state.findIntegration(auth.app.clientId, key.value);
  if (!integration)
    return apiError(404, "No such integration for this application: the customer has not authorized it");

  if (ctx.method === "GET") {
    const elements = Object.entries(integration.configurations).map(([k, v]) => ({ key: k, configurationValue: v }));
    ctx.note.entityCount = elements.length;
    return { status: 200, json: { elements, paging: { count: elements.length, start: 0, links: [] } } };
  }

  const ids = configurationIds(ctx, protocol);
  if (!ids.ok) return apiError(400, `query: ${ids.error}`);
  const idsInQuery = ids.value;
  if (ctx.method === "DELETE") return deleteKeys(ctx, integration, idsInQuery);

  // L15: the collection always sends batch_update (compared case-insensitively, as Rest.li does).
  const method = ctx.header("x-restli-method");
  if (method?.toLowerCase() !== "batch_update")
    return apiError(
      400,
      `x-restli-method must be batch_update (L15), got ${method === undefined ? "none" : `"${method}"`}`,
    );
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = configurationsBodySchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, `body: ${describeIssues(parsed.error.issues)}`);
  const entries = Object.entries(parsed.data.entities) as [string, { configurationValue: ConfigurationValue }][];
  ctx.note.entityCount = entries.length;
  if (
    [...idsInQuery].sort().join() !==
    entries
      .map(([k]) => k)
      .sort()
      .join()
  )
    return apiError(400, `?ids= must name exactly the keys of entities (L15), got ids=[${idsInQuery.join(", ")}]`);
  const outcome = writeConfigurationEntries(state, auth.app.clientId, integration, entries, (name) => name);
  return "refused" in outcome ? outcome.refused : { status: 200, json: outcome };
}

export type EntriesOutcome =
  | { refused: Reply }
  | { errors: Record<string, { status: number; message: string }>; results: Record<string, { status: number }> };

/**
 * Checks and stores one integration's configuration entries (C16, C21, L14); the answer keys each entry by
 * `answerKeyOf(name)` (the name on v2, the canonical 2.0 key on rest/integrationConfigurations).
 */
export function writeConfigurationEntries(
  state: SandboxState,
  clientId: string,
  integration: Integration,
  entries: [string, { configurationValue: ConfigurationValue }][],
  answerKeyOf: (name: string) => string,
): EntriesOutcome {
  for (const [name, { configurationValue }] of entries) {
    if (name !== CALLBACK_URL_KEY) continue;
    if (!("string" in configurationValue)) return { refused: apiError(400, "CALLBACK_URL must be a string value") };
    const urlProblem = callbackUrlProblem(configurationValue.string, state.settings.allowInsecureCallbacks);
    if (urlProblem) return { refused: apiError(400, urlProblem) };
    const other = urlOfAnotherApplication(state, clientId, configurationValue.string);
    if (other)
      return { refused: apiError(400, "CALLBACK_URL is already the callback of another customer application (C21)") };
  }
  const results: Record<string, { status: number }> = {};
  const errors: Record<string, { status: number; message: string }> = {};
  for (const [name, { configurationValue }] of entries) {
    const problem = keyProblem14(state, integration.integrationType, name, configurationValue);
    if (problem) {
      errors[answerKeyOf(name)] = { status: 400, message: problem };
      continue;
    }
    integration.configurations[name] = configurationValue;
    results[answerKeyOf(name)] = { status: 204 };
  }
  for (const [name, e] of Object.entries(errors))
    state.recordRejection({
      at: Date.now(),
      endpoint: "configurations",
      clientId: clientId,
      status: e.status,
      reason: `${name}: ${e.message}`,
    });
  integration.updatedAt = Date.now();
  noteSecondCallbackUrl(state, clientId);
  maybeAutoPartnerReady(state, integration);
  return { errors, results };
}

const VIEWERS_KEYS = new Set(["JOB_POSTING_VIEWERS", "APPLICATION_VIEWERS"]);

/** L14: only the type's keys (the `configurationKeys` setting); the viewers keys take ALL_PRODUCT_USERS only. */
function keyProblem14(state: SandboxState, type: string, key: string, value: ConfigurationValue): string | null {
  const allowed = state.settings.configurationKeys[type] ?? [];
  if (!allowed.includes(key))
    return `Configuration key ${key} is not supported for integration type ${type}${allowed.length ? ` (supported: ${allowed.join(", ")})` : " (it takes no configuration keys)"}`;
  if (VIEWERS_KEYS.has(key) && !("string" in value && value.string === "ALL_PRODUCT_USERS"))
    return `${key} only takes the value ALL_PRODUCT_USERS; remove the key instead when the customer uses access controls`;
  return null;
}

/** L15: DELETE …/configurations?ids=K removes the keys. ASSUMPTION: 204 without a body; an absent key is no error. */
export function deleteKeys(ctx: RequestContext, integration: Integration, ids: string[]): Reply {
  if (ids.length === 0) return apiError(400, "?ids= must name the configuration keys to delete (L15)");
  ctx.note.entityCount = ids.length;
  for (const key of ids) delete integration.configurations[key];
  integration.updatedAt = Date.now();
  return { status: 204 };
}

/** C21: a customer never has two callback URLs. Accepted (rotation happens) but shown as a violation. */
function noteSecondCallbackUrl(state: SandboxState, clientId: string): void {
  const urls = new Set<string>();
  for (const i of state.integrations.values()) {
    const url = i.clientId === clientId ? callbackUrlOf(i) : null;
    if (url) urls.add(url);
  }
  if (urls.size > 1)
    state.recordRejection({
      at: Date.now(),
      endpoint: "configurations",
      clientId,
      status: 200,
      reason: `application has ${urls.size} different CALLBACK_URLs across its integrations; LinkedIn supports one per customer (C21)`,
    });
}
