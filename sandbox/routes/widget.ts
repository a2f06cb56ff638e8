// The configuration plugin (C4–C8): in.js, the ATSIntegrationWidget extension, and the two calls the
// extension makes from the portal's page (CORS). The scripts themselves live in sandbox/widget/*.js.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { describeIssues, type Reply, type RequestContext } from "../http-io";
import type { Runtime } from "../runtime";
import type { Application } from "../records";
import { BUNDLED_TYPES, WIDGET_ID } from "../widget/bundled-types";

const SCRIPT_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Cache-Control": "no-store",
};

export function serveScript(file: "in.js" | "onboarding-widget.js"): Reply {
  const text = readFileSync(new URL(`../widget/${file}`, import.meta.url), "utf8");
  return { status: 200, text, contentType: "application/javascript; charset=utf-8", headers: SCRIPT_HEADERS };
}

function cors(ctx: RequestContext): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": ctx.header("origin") ?? "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}

export function handleWidgetPreflight(ctx: RequestContext): Reply {
  return { status: 204, headers: cors(ctx) };
}

function widgetError(ctx: RequestContext, status: number, error: string): Reply {
  return { status, json: { error }, headers: cors(ctx), rejection: error };
}

/** The api_key must name a customer application, and the page's origin must be one of its validJsSdkDomains if it has any. */
function checkKey(ctx: RequestContext, rt: Runtime, apiKey: string | null): Application | Reply {
  const app = apiKey ? rt.state.customerApplication(apiKey) : null;
  if (!app) return widgetError(ctx, 401, "Invalid API key");
  ctx.note.clientId = app.clientId;
  const origin = ctx.header("origin");
  if (origin && app.validJsSdkDomains.length > 0 && !app.validJsSdkDomains.includes(origin))
    return widgetError(ctx, 403, `Origin ${origin} is not a valid JavaScript SDK domain of this API key`);
  return app;
}

/** GET .../session?api_key= — what the extension asks before rendering. */
export function handleWidgetSession(ctx: RequestContext, rt: Runtime): Reply {
  const app = checkKey(ctx, rt, ctx.url.searchParams.get("api_key"));
  if (!("clientId" in app)) return app;
  const bundledTypes = Object.fromEntries(Object.entries(BUNDLED_TYPES).map(([name, t]) => [name, t.idKind]));
  return { status: 200, json: { apiKey: app.clientId, bundledTypes }, headers: cors(ctx) };
}

const authorizeSchema = z.object({ apiKey: z.string(), bundledIntegrationType: z.string(), id: z.string() }).strict();

/** POST .../authorize — the customer authorized a bundled type: record its tuples as REQUESTED (C7, C18). */
export async function handleWidgetAuthorize(ctx: RequestContext, rt: Runtime): Promise<Reply> {
  let raw: unknown;
  try {
    raw = JSON.parse((await ctx.body()).toString("utf8"));
  } catch (err) {
    if (err instanceof SyntaxError) return widgetError(ctx, 400, "malformed JSON body");
    throw err;
  }
  const parsed = authorizeSchema.safeParse(raw);
  if (!parsed.success) return widgetError(ctx, 400, describeIssues(parsed.error.issues));
  const app = checkKey(ctx, rt, parsed.data.apiKey);
  if (!("clientId" in app)) return app;
  const bundled = BUNDLED_TYPES[parsed.data.bundledIntegrationType];
  if (!bundled) return widgetError(ctx, 400, `Unsupported integration type ${parsed.data.bundledIntegrationType}`);
  const id = parsed.data.id.trim();
  if (!WIDGET_ID.test(id)) return widgetError(ctx, 400, `Enter a valid ${bundled.idKind} id (letters and digits)`);
  const tuples = bundled.tuples(id);
  for (const t of tuples) rt.state.authorizeIntegration(app.clientId, t);
  ctx.note.entityCount = tuples.length;
  return { status: 200, json: { integrations: tuples }, headers: cors(ctx) };
}
