// /_sandbox/* — LinkedIn's side that no API exposes (operator, customer in LinkedIn's product), plus
// inspection, settings and fault injection for tests. JSON in, JSON out; no auth (local test double).
import { z } from "zod";
import { addFault, faultInputSchema } from "../faults";
import { apiError, describeIssues, json, type Reply, type RequestContext, readJson } from "../http-io";
import { callbackUrlOf, locateIntegration, moveIntegration } from "../onboarding";
import type { Runtime } from "../runtime";
import { type Integration, integrationId, newSecret, ONBOARDING_STATUSES } from "../records";
import { describeApplication } from "./provisioning";

const tupleSchema = z.object({
  integrationContext: z.string().min(1),
  integrationType: z.string().min(1),
  tenantType: z.string().min(1),
});

const schemas = {
  application: z
    .object({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      uniqueForeignId: z.string().min(1).optional(),
      name: z.string().optional(),
      validJsSdkDomains: z.array(z.string()).optional(),
    })
    .strict(),
  secretDelete: z.object({ clientId: z.string().min(1), which: z.enum(["previous", "current"]) }).strict(),
  keysRevoke: z.object({ clientId: z.string().min(1) }).strict(),
  integration: tupleSchema.extend({ clientId: z.string().min(1) }).strict(),
  move: tupleSchema
    .extend({
      clientId: z.string().min(1).optional(),
      status: z.enum(ONBOARDING_STATUSES),
      force: z.boolean().optional(),
    })
    .strict(),
  request: z.object({ clientId: z.string().min(1), integrations: z.array(tupleSchema).min(1) }).strict(),
  notification: z
    .object({
      clientId: z.string().min(1),
      type: z.string().min(1),
      url: z.url({ protocol: /^https?$/ }).optional(),
      expiresAt: z.number().int().nonnegative().nullable().optional(),
      integrations: z.array(tupleSchema).optional(),
      rawBody: z.string().optional(),
      badSignature: z.boolean().optional(),
      /** L27: the export's integrationContext, e.g. another customer's (tests of the ATS's check). */
      exportContext: z.string().min(1).optional(),
    })
    .strict(),
  settings: z
    .object({
      retryDelayMs: z.number().int().nonnegative(),
      maxRetries: z.number().int().nonnegative().max(20),
      batchSpacingMs: z.number().int().nonnegative(),
      maxBatchEntities: z.number().int().positive(),
      tokenTtlSeconds: z.number().int().positive(),
      expiresInAs: z.enum(["string", "number"]),
      signPushesWith: z.enum(["current", "previous"]),
      allowInsecureCallbacks: z.boolean(),
      autoPartnerReady: z.boolean(),
      dropNotifications: z.boolean(),
      lookupKeyStyle: z.enum(["answer", "documented"]),
      configurationKeys: z.record(
        z.string().regex(/^[A-Z][A-Z0-9_]*$/),
        z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
      ),
      integrationTypes: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
      dailyLimits: z.record(z.string().min(1), z.number().int().nonnegative()),
    })
    .partial()
    .strict(),
  dailyUsage: z
    .object({ clientId: z.string().min(1), resource: z.string().min(1), used: z.number().int().nonnegative() })
    .strict(),
  tokens: z.object({ clientId: z.string().optional(), token: z.string().optional() }).strict(),
};

async function parse<T>(
  ctx: RequestContext,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  const body = await readJson(ctx);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, reply: apiError(400, describeIssues(parsed.error.issues)) };
  return { ok: true, value: parsed.data };
}

function findOwned(rt: Runtime, clientId: string, tuples: z.infer<typeof tupleSchema>[]): Integration[] | Reply {
  const found: Integration[] = [];
  for (const t of tuples) {
    const i = rt.state.findIntegration(clientId, t);
    if (!i) return apiError(404, `no integration ${JSON.stringify(t)} for application ${clientId}`);
    found.push(i);
  }
  return found;
}

export async function handleAdmin(ctx: RequestContext, rt: Runtime, path: string): Promise<Reply | null> {
  const { state, pusher } = rt;
  const route = `${ctx.method} ${path}`;
  // One rule removed by its id, so a test that lifts its own fault leaves the other tests' faults in place.
  const oneFault = /^DELETE \/_sandbox\/faults\/([^/]+)$/.exec(route);
  if (oneFault) {
    const at = state.faults.findIndex((f) => f.id === oneFault[1]);
    if (at < 0) return apiError(404, `no fault ${oneFault[1]}`);
    state.faults.splice(at, 1);
    return json(200, { faults: state.faults });
  }
  switch (route) {
    case "GET /_sandbox/state":
      return json(200, state.snapshot());
    case "POST /_sandbox/reset":
      pusher.cancelPending();
      state.reset();
      return json(200, { reset: true });
    case "GET /_sandbox/calls": {
      const endpoint = ctx.url.searchParams.get("endpoint");
      const clientId = ctx.url.searchParams.get("clientId");
      return json(200, {
        calls: state.calls.filter(
          (c) => (!endpoint || c.endpoint === endpoint) && (!clientId || c.clientId === clientId),
        ),
      });
    }
    case "GET /_sandbox/violations": {
      const spacingByApplication: Record<string, number> = {};
      for (const v of state.spacingViolations)
        spacingByApplication[v.clientId] = (spacingByApplication[v.clientId] ?? 0) + 1;
      return json(200, { spacing: state.spacingViolations, spacingByApplication, rejections: state.rejections });
    }
    case "GET /_sandbox/counters":
      return json(200, state.counters);
    case "GET /_sandbox/notifications":
      return json(200, { notifications: state.notifications });
    case "GET /_sandbox/faults":
      return json(200, { faults: state.faults, dropNotifications: state.settings.dropNotifications });
    case "DELETE /_sandbox/faults":
      state.faults.splice(0);
      state.settings.dropNotifications = false;
      return json(200, { faults: [] });
    case "POST /_sandbox/faults": {
      const body = await readJson(ctx);
      if (!body.ok) return body.reply;
      const drop = z.object({ dropNotifications: z.boolean() }).strict().safeParse(body.value);
      if (drop.success) {
        state.settings.dropNotifications = drop.data.dropNotifications;
        return json(200, { dropNotifications: drop.data.dropNotifications });
      }
      const fault = faultInputSchema.safeParse(body.value);
      if (!fault.success) return apiError(400, describeIssues(fault.error.issues));
      return json(201, addFault(state.faults, fault.data));
    }
    case "POST /_sandbox/daily-usage": {
      // L17: today's count of an application's calls to a resource, e.g. the ATS's own calls with its key.
      const input = await parse(ctx, schemas.dailyUsage);
      if (!input.ok) return input.reply;
      state.dailyUsage.set(input.value.clientId, input.value.resource, input.value.used);
      return json(200, input.value);
    }
    case "GET /_sandbox/settings":
      return json(200, state.settings);
    case "POST /_sandbox/settings": {
      const input = await parse(ctx, schemas.settings);
      if (!input.ok) return input.reply;
      Object.assign(state.settings, input.value);
      return json(200, state.settings);
    }
    case "POST /_sandbox/applications": {
      const input = await parse(ctx, schemas.application);
      if (!input.ok) return input.reply;
      const existing = state.applications.get(input.value.clientId);
      if (existing?.kind === "parent") return apiError(409, "that client id is the parent application");
      const app = state.putApplication({ ...input.value, kind: "customer", createdBy: "admin" });
      return json(existing ? 200 : 201, describeApplication(app));
    }
    case "POST /_sandbox/applications/secrets/delete": {
      // L7: a person deletes one of the two secrets in LinkedIn's developer portal (no public API call does).
      const input = await parse(ctx, schemas.secretDelete);
      if (!input.ok) return input.reply;
      const app = state.customerApplication(input.value.clientId);
      if (!app) return apiError(404, `no customer application ${input.value.clientId}`);
      if (app.previousSecret === null) return apiError(409, "the application has only one secret");
      if (input.value.which === "current") app.clientSecret = app.previousSecret;
      app.previousSecret = null;
      return json(200, describeApplication(app));
    }
    case "POST /_sandbox/applications/secrets/revoke": {
      // A person resets the application's secret in LinkedIn's developer portal (L7: secrets are managed there): the
      // old secrets stop working at once, so the token endpoint refuses the stored keys with 401 invalid_client and
      // every token issued with them is dead (C27). The answer carries the new secret, as the portal would show it.
      const input = await parse(ctx, schemas.keysRevoke);
      if (!input.ok) return input.reply;
      const app = state.customerApplication(input.value.clientId);
      if (!app) return apiError(404, `no customer application ${input.value.clientId}`);
      app.clientSecret = newSecret();
      app.previousSecret = null;
      for (const t of state.tokens.values()) if (t.clientId === app.clientId) t.revoked = true;
      return json(200, describeApplication(app));
    }
    case "POST /_sandbox/integrations": {
      const input = await parse(ctx, schemas.integration);
      if (!input.ok) return input.reply;
      const { clientId, ...tuple } = input.value;
      if (!state.customerApplication(clientId)) return apiError(404, `no customer application ${clientId}`);
      return json(201, state.authorizeIntegration(clientId, tuple));
    }
    case "POST /_sandbox/integrations/move":
      return move(ctx, rt);
    case "POST /_sandbox/requests": {
      const input = await parse(ctx, schemas.request);
      if (!input.ok) return input.reply;
      const owned = findOwned(rt, input.value.clientId, input.value.integrations);
      if (!Array.isArray(owned)) return owned;
      const request = state.createRequest(
        input.value.clientId,
        owned.map((i) => integrationId(i.clientId, i)),
      );
      return json(201, { requestId: request.requestId });
    }
    case "POST /_sandbox/notifications":
      return notify(ctx, rt);
    case "POST /_sandbox/tokens/revoke":
    case "POST /_sandbox/tokens/expire": {
      const input = await parse(ctx, schemas.tokens);
      if (!input.ok) return input.reply;
      let affected = 0;
      for (const t of state.tokens.values()) {
        if (
          (input.value.clientId && t.clientId !== input.value.clientId) ||
          (input.value.token && t.token !== input.value.token)
        )
          continue;
        if (path.endsWith("revoke")) t.revoked = true;
        else t.expiresAt = Date.now() - 1;
        affected++;
      }
      return json(200, { affected });
    }
    default:
      return null;
  }
}

async function move(ctx: RequestContext, rt: Runtime): Promise<Reply> {
  const input = await parse(ctx, schemas.move);
  if (!input.ok) return input.reply;
  const { clientId, status, force, ...tuple } = input.value;
  const found = locateIntegration(rt.state, clientId, tuple);
  if (typeof found === "string") return apiError(404, found);
  const result = moveIntegration(rt.state, rt.pusher, found, status, force ?? false);
  if (!result.ok) return apiError(result.status, result.error);
  return json(200, { integration: result.integration, notification: result.notification, note: result.note });
}

async function notify(ctx: RequestContext, rt: Runtime): Promise<Reply> {
  const input = await parse(ctx, schemas.notification);
  if (!input.ok) return input.reply;
  const v = input.value;
  if (!rt.state.customerApplication(v.clientId)) return apiError(404, `no customer application ${v.clientId}`);
  const owned = v.integrations ? findOwned(rt, v.clientId, v.integrations) : [];
  if (!Array.isArray(owned)) return owned;
  const url = v.url ?? firstCallbackUrl(rt, v.clientId);
  if (!url) return apiError(409, "the application has no CALLBACK_URL configuration; give url");
  const sent = rt.pusher.send({
    clientId: v.clientId,
    url,
    type: v.type,
    expiresAt: v.expiresAt === undefined ? (v.type === "INTEGRATION_STATUS_CHANGE" ? 0 : null) : v.expiresAt,
    integrationIds: owned.length ? owned.map((i) => integrationId(i.clientId, i)) : null,
    rawBody: v.rawBody,
    badSignature: v.badSignature,
    exportContext: v.exportContext ?? exportContextOf(rt, v.clientId, url),
  });
  return json(202, { notificationId: sent.notificationId, id: sent.firstId, url });
}

/**
 * L27: an export belongs to the One-Click Export integration whose callback URL the push goes to (else the
 * application's first One-Click Export, else its first integration); an application without one names none.
 */
function exportContextOf(rt: Runtime, clientId: string, url: string): string | null {
  const own = [...rt.state.integrations.values()].filter((i) => i.clientId === clientId);
  const exporting = own.filter((i) => i.integrationType === "ONE_CLICK_EXPORT");
  const chosen = exporting.find((i) => callbackUrlOf(i) === url) ?? exporting[0] ?? own[0];
  return chosen?.integrationContext ?? null;
}

function firstCallbackUrl(rt: Runtime, clientId: string): string | null {
  for (const i of rt.state.integrations.values()) {
    const url = i.clientId === clientId ? callbackUrlOf(i) : null;
    if (url) return url;
  }
  return null;
}
