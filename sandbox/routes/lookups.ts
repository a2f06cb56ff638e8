// GET /v2/atsIntegrations — the q=request finder behind a notification id (C19) and the manual
// lookup by ids (C19b). An application sees only its own integrations and requests.
import { authenticate } from "../auth";
import { keyProblem } from "../compound-key";
import { apiError, type Reply, type RequestContext } from "../http-io";
import type { KeySyntax } from "../key-syntax";
import type { Runtime } from "../runtime";
import type { Integration } from "../records";
import type { IntegrationKey } from "../compound-key";

const DEFAULT_COUNT = 10;
const MAX_COUNT = 100;

export function lookupKind(url: URL): "lookup_request" | "lookup_ids" {
  return url.searchParams.has("q") ? "lookup_request" : "lookup_ids";
}

/** One integration as the finder answers it; rest/integrations elements carry no dataProvider (L22, ASSUMPTION). */
function element(i: Integration, syntax: KeySyntax) {
  return {
    ...(syntax.family === "rest" ? {} : { dataProvider: i.dataProvider }),
    integrationContext: i.integrationContext,
    ...(i.integrationName === null ? {} : { integrationName: i.integrationName }),
    integrationType: i.integrationType,
    onboardingStatus: i.onboardingStatus,
    tenantType: i.tenantType,
  };
}

function intParam(url: URL, name: string, def: number, min: number, max: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null) return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    return `${name} must be an integer from ${min} to ${max}, got "${raw}"`;
  return Number(raw);
}

export async function handleLookup(ctx: RequestContext, rt: Runtime, syntax: KeySyntax): Promise<Reply> {
  const auth = authenticate(ctx, rt.state, "customer");
  if (!auth.ok) return auth.reply;
  return lookupKind(ctx.url) === "lookup_request"
    ? byRequest(ctx, rt, auth.app.clientId, syntax)
    : byIds(ctx, rt, auth.app.clientId, syntax);
}

function byRequest(ctx: RequestContext, rt: Runtime, clientId: string, syntax: KeySyntax): Reply {
  const { url } = ctx;
  for (const name of url.searchParams.keys())
    if (!["q", "requestId", "start", "count"].includes(name))
      return apiError(400, `unexpected query parameter "${name}"`);
  if (url.searchParams.get("q") !== "request") return apiError(400, `unknown finder q="${url.searchParams.get("q")}"`);
  const requestId = url.searchParams.get("requestId");
  if (!requestId) return apiError(400, "requestId is required for q=request");
  const start = intParam(url, "start", 0, 0, Number.MAX_SAFE_INTEGER);
  const count = intParam(url, "count", DEFAULT_COUNT, 1, MAX_COUNT);
  if (typeof start === "string") return apiError(400, start);
  if (typeof count === "string") return apiError(400, count);
  const request = rt.state.requests.get(requestId);
  if (!request || request.clientId !== clientId) return apiError(404, `No request with id ${requestId}`);
  const all = request.integrationIds.map((id) => rt.state.integrations.get(id)).filter((i): i is Integration => !!i);
  const page = all.slice(start, start + count);
  ctx.note.entityCount = page.length;
  const href = (s: number) =>
    `${ctx.url.pathname}?q=request&requestId=${encodeURIComponent(requestId)}&start=${s}&count=${count}`;
  const links: { rel: string; href: string; type: string }[] = [];
  if (start > 0) links.push({ rel: "prev", href: href(Math.max(0, start - count)), type: "application/json" });
  if (start + count < all.length) links.push({ rel: "next", href: href(start + count), type: "application/json" });
  return { status: 200, json: { elements: page.map((i) => element(i, syntax)), paging: { count, links, start } } };
}

function byIds(ctx: RequestContext, rt: Runtime, clientId: string, syntax: KeySyntax): Reply {
  const ids = syntax.ids(ctx.url);
  if (!ids.ok) return apiError(400, `query: ${ids.error}`);
  if (ids.value.length === 0) return apiError(400, "give ids[0].integrationContext, ... (C19b) or q=request (C19)");
  for (const key of ids.value) {
    const problem = keyProblem(key);
    if (problem) return apiError(400, problem);
  }
  ctx.note.entityCount = ids.value.length;
  const format = (key: IntegrationKey) => syntax.answerKey(key, rt.state.settings.lookupKeyStyle);
  const results: Record<string, { integrationName?: string; onboardingStatus: string }> = {};
  const errors: Record<string, { status: number; message: string }> = {};
  for (const key of ids.value) {
    const i = rt.state.findIntegration(clientId, key);
    if (!i)
      errors[format(key)] = {
        status: 404,
        message: `No integration ${key.integrationType}/${key.tenantType} for ${key.integrationContext}`,
      };
    else
      results[format(key)] = {
        ...(i.integrationName === null ? {} : { integrationName: i.integrationName }),
        onboardingStatus: i.onboardingStatus,
      };
  }
  return { status: 200, json: { errors, results, statuses: {} } };
}
