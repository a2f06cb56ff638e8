// The LinkedIn sandbox: a strict local stand-in for every LinkedIn endpoint, script and push Onramp
// uses (docs/SANDBOX.md). It is LinkedIn's side: it imports nothing from the portal.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { peekApplication } from "./auth";
import { takeFault } from "./faults";
import { apiError, BodyTooLarge, type Reply, type RequestContext, readBody, send } from "./http-io";
import { Pusher } from "./push";
import { handleAdmin } from "./routes/admin";
import { handleUiMove, renderAdminPage } from "./routes/admin-page";
import { type Route, resolveIntegrations } from "./integration-routes";
import { noteBatchArrival } from "./routes/batch-update";
import { handleExportedCandidates } from "./routes/exported-candidates";
import { untunnel, urlLimitReply } from "./restli-gate";
import { handleAccessToken } from "./routes/oauth";
import {
  handleCreateApplication,
  handleFindApplication,
  handleRollSecret,
  handleUpdateApplication,
} from "./routes/provisioning";
import { handleWidgetAuthorize, handleWidgetPreflight, handleWidgetSession, serveScript } from "./routes/widget";
import type { Runtime } from "./runtime";
import { DEFAULT_SETTINGS, type SandboxSettings } from "./settings";
import { SandboxState } from "./state";

export interface SandboxOptions extends Partial<SandboxSettings> {
  /** 0 picks a free port. Default 3001. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The URL the portal and browsers use to reach the sandbox (reported as `url`). */
  publicBaseUrl?: string;
  parentClientId?: string;
  parentClientSecret?: string;
  /** Customer applications with known keys, registered at start (C1: keys entered by hand). */
  applications?: { clientId: string; clientSecret: string }[];
  /** Keep applications, tokens, integrations and request ids in this JSON file across restarts. */
  stateFile?: string;
  /** Give up one push attempt after this long (counts as a failed attempt). Default 10 s. */
  pushTimeoutMs?: number;
}

export interface SandboxHandle {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

export const DEFAULT_PARENT = { clientId: "sandbox-parent-id", clientSecret: "sandbox-parent-secret" };

// L10: the plugin's extension appears in two forms, the docs' (platform host) and LinkedIn's sample page's
// (www host). The sandbox stands in for both hosts, so it serves the extension at both paths.
const WIDGET_BASES = ["/rsc/extensions/onboarding-widget", "/recruiter/widget/ATSIntegration"];

/** The endpoints of the integration resources of both families, paced per application (C30, L17). */
const PACED_ENDPOINTS = new Set(
  ["batch_partial_update", "lookup_request", "lookup_ids", "configurations"].flatMap((k) => [k, `rest_${k}`]),
);

function resolve(ctx: RequestContext, rt: Runtime): Route | Reply {
  const { method } = ctx;
  const path = ctx.url.pathname;
  const only = (allowed: string[], route: Route): Route | Reply =>
    allowed.includes(method) ? route : apiError(405, `${method} is not allowed on ${path}`);

  if (path === "/oauth/v2/accessToken")
    return only(["POST"], { endpoint: "token", faultable: true, run: () => handleAccessToken(ctx, rt.state) });
  if (path === "/v2/provisionedApplications")
    return method === "GET"
      ? { endpoint: "provisioning_lookup", faultable: true, run: () => handleFindApplication(ctx, rt.state) }
      : only(["POST"], {
          endpoint: "provisioning",
          faultable: true,
          run: () => handleCreateApplication(ctx, rt.state),
        });
  const provisioned = /^\/v2\/provisionedApplications\/([^/]+)$/.exec(path);
  if (provisioned?.[1]) {
    const key = provisioned[1];
    return only(["POST"], {
      endpoint: "provisioning_update",
      faultable: true,
      run: () => handleUpdateApplication(ctx, rt.state, key),
    });
  }
  if (path === "/v2/developerApplicationsSecurity")
    return only(["POST"], { endpoint: "secret_roll", faultable: true, run: () => handleRollSecret(ctx, rt.state) });
  const integrations = resolveIntegrations(ctx, rt, only);
  if (integrations) return integrations;
  if (path === "/v2/exportedCandidates")
    return only(["GET"], {
      endpoint: "exported_candidates",
      faultable: true,
      run: () => handleExportedCandidates(ctx, rt),
    });
  if (path === "/xdoor/scripts/in.js")
    return only(["GET"], { endpoint: "widget_script", faultable: true, run: () => serveScript("in.js") });
  if (WIDGET_BASES.includes(path))
    return only(["GET"], {
      endpoint: "widget_script",
      faultable: true,
      run: () => serveScript("onboarding-widget.js"),
    });
  if (WIDGET_BASES.some((base) => path === `${base}/session` || path === `${base}/authorize`)) {
    if (method === "OPTIONS") return { endpoint: "widget", faultable: false, run: () => handleWidgetPreflight(ctx) };
    return path.endsWith("session")
      ? only(["GET"], { endpoint: "widget", faultable: true, run: () => handleWidgetSession(ctx, rt) })
      : only(["POST"], { endpoint: "widget", faultable: true, run: () => handleWidgetAuthorize(ctx, rt) });
  }
  if (path === "/_sandbox" || path === "/_sandbox/")
    return only(["GET"], {
      endpoint: "admin",
      faultable: false,
      run: () => renderAdminPage(rt, ctx.url.searchParams.get("flash")),
    });
  if (path === "/_sandbox/ui/move")
    return only(["POST"], { endpoint: "admin", faultable: false, run: () => handleUiMove(ctx, rt) });
  if (path.startsWith("/_sandbox/"))
    return {
      endpoint: "admin",
      faultable: false,
      run: async () => (await handleAdmin(ctx, rt, path)) ?? apiError(404, `no admin endpoint ${method} ${path}`),
    };
  return apiError(404, `No resource at ${path}`);
}

/** The customer application a call is about, for faults of one application: its token's, or the widget's api_key. */
const faultClientId = (ctx: RequestContext, rt: Runtime) =>
  peekApplication(ctx, rt.state)?.clientId ?? ctx.url.searchParams.get("api_key");

async function handle(req: IncomingMessage, res: ServerResponse, rt: Runtime): Promise<void> {
  const started = Date.now();
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  let body: Promise<Buffer> | null = null;
  const ctx: RequestContext = {
    req,
    method,
    url,
    note: { endpoint: "unknown", clientId: null, entityCount: null },
    body: () => (body ??= readBody(req)),
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : v;
    },
  };
  let reply: Reply;
  let fault = false;
  try {
    // L26: 414 past LinkedIn's URL limits on a GET as sent (ASSUMPTION: writes, whose ids C10 puts in the query,
    // are not limited here); a tunnelled GET is then unwrapped and routed as the GET it is.
    const refused = (method === "GET" ? urlLimitReply(req.url ?? "/") : null) ?? (await untunnel(ctx));
    const route = refused ?? resolve(ctx, rt);
    if ("run" in route) {
      ctx.note.endpoint = route.endpoint;
      // Every v2/atsIntegrations call shares the application's pacing (C13, C30), faulted or not: counted
      // at arrival, before any injected latency, as LinkedIn would see it.
      const paced = PACED_ENDPOINTS.has(route.endpoint) ? peekApplication(ctx, rt.state) : null;
      if (paced) rt.state.notePacedArrival(paced.clientId, started);
      const decision = route.faultable
        ? takeFault(rt.state.faults, route.endpoint, Math.random, faultClientId(ctx, rt))
        : { latencyMs: 0, reply: null, afterHandling: false };
      const delay = () =>
        decision.latencyMs > 0 ? new Promise((r) => setTimeout(r, decision.latencyMs)) : Promise.resolve();
      if (decision.reply && decision.afterHandling) {
        // LinkedIn did the work but its answer never arrived (L5, L7: the lost create answer); a latency
        // delays that answer, so a test can kill the caller after LinkedIn acted and before it heard.
        fault = true;
        await route.run();
        await delay();
        reply = decision.reply;
      } else if (decision.reply) {
        await delay();
        fault = true;
        reply = decision.reply;
        const app = peekApplication(ctx, rt.state);
        ctx.note.clientId = app?.clientId ?? null;
        // A faulted batch call still reached LinkedIn: it counts for the C13 spacing.
        if (app && route.endpoint === "batch_partial_update") noteBatchArrival(rt.state, app.clientId);
        if (route.endpoint === "widget")
          reply.headers = { ...reply.headers, "Access-Control-Allow-Origin": ctx.header("origin") ?? "*" };
      } else {
        await delay();
        // L17: a call past the application's daily limit on its resource is refused before it is carried out.
        const app = peekApplication(ctx, rt.state);
        const limited = app
          ? rt.state.dailyUsage.take(rt.state.settings.dailyLimits, app.clientId, route.endpoint)
          : null;
        if (limited && app) ctx.note.clientId = app.clientId;
        reply = limited ?? (await route.run());
      }
    } else reply = route;
  } catch (err) {
    if (err instanceof BodyTooLarge) reply = apiError(413, err.message);
    else {
      console.error("[sandbox] handler failed", err);
      reply = apiError(500, `sandbox error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  send(res, reply);
  const { state } = rt;
  if (ctx.note.endpoint !== "admin") {
    state.recordCall({
      at: started,
      method,
      path: url.pathname + url.search,
      endpoint: ctx.note.endpoint,
      clientId: ctx.note.clientId,
      status: reply.status,
      entityCount: ctx.note.entityCount,
      fault,
      reason: reply.rejection ?? null,
      durationMs: Date.now() - started,
    });
    if (!fault && reply.status >= 400 && reply.rejection)
      state.recordRejection({
        at: started,
        endpoint: ctx.note.endpoint,
        clientId: ctx.note.clientId,
        status: reply.status,
        reason: reply.rejection,
      });
  }
  if (method !== "GET" && method !== "OPTIONS") state.save();
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const settings: SandboxSettings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SandboxSettings)[]) {
    const value = options[key];
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  const state = new SandboxState({
    parentClientId: options.parentClientId ?? DEFAULT_PARENT.clientId,
    parentClientSecret: options.parentClientSecret ?? DEFAULT_PARENT.clientSecret,
    settings,
    stateFile: options.stateFile,
  });
  for (const a of options.applications ?? [])
    if (!state.applications.has(a.clientId)) state.putApplication({ ...a, kind: "customer", createdBy: "start" });
  const pusher = new Pusher(state, options.pushTimeoutMs ?? 10_000);
  const rt: Runtime = { state, pusher };

  // 100 ids in the query (C13) make URLs of ~20 KB: more than Node's default 16 KB header limit.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    handle(req, res, rt).catch((err: unknown) => {
      console.error("[sandbox] could not answer", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3001, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: (options.publicBaseUrl ?? `http://${urlHost}:${port}`).replace(/\/+$/, ""),
    port,
    state,
    close: async () => {
      pusher.close();
      state.save();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
