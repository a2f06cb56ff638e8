// The Provisioning API with the parent application's token (C1, L2–L8):
// - POST /v2/provisionedApplications creates a customer application (L3) → {key: URN, credentials} (L4);
// - GET  /v2/provisionedApplications?q=credentialsByUniqueForeignId finds it, without its secret (L5);
// - POST /v2/provisionedApplications/{urn} with {"patch": {"$set": {...}}} replaces its lists (L6);
// - POST /v2/developerApplicationsSecurity?action=rollDeveloperApplicationSecret adds a secret (L7).
// No call deletes an application (L8).
import { z } from "zod";
import { authenticate } from "../auth";
import { apiError, describeIssues, readJson, type Reply, type RequestContext } from "../http-io";
import { type Application, newSecret } from "../records";
import type { SandboxState } from "../state";

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === v;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}, "must be an origin such as https://portal.example.com (scheme, host, optional port; no path, no trailing /)");

const httpUrl = z.url({ protocol: /^https?$/ });

// L3: `validJsOrigins` is no LinkedIn field; strict() refuses it (and any other unknown field).
const createSchema = z
  .object({
    uniqueForeignId: z.string().min(1).max(255),
    name: z
      .string()
      .min(1)
      .max(50, "name must be at most 50 characters")
      .refine((n) => !/linkedin/i.test(n), 'name must not contain "LinkedIn"'),
    description: z.string().min(1),
    validJsSdkDomains: z.array(origin).optional(),
    oauth2AuthorizedCallbackUrls: z.array(httpUrl).optional(),
  })
  .strict();

// L6: `$set` replaces a whole list.
const patchSchema = z
  .object({
    patch: z
      .object({
        $set: z
          .object({
            validJsSdkDomains: z.array(origin).optional(),
            oauth2AuthorizedCallbackUrls: z.array(httpUrl).optional(),
          })
          .strict()
          .refine((v) => Object.keys(v).length > 0, "$set names no field"),
      })
      .strict(),
  })
  .strict();

const rollSchema = z
  .object({ childDeveloperApplication: z.string().regex(/^urn:li:developerApplication:\d+$/) })
  .strict();

/** Everything the sandbox knows of an application, secrets included: the admin view of a test double. */
export function describeApplication(app: Application) {
  return {
    ...lookupElement(app),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    previousSecret: app.previousSecret,
  };
}

/** L5: one element of the look-up: no secret. */
function lookupElement(app: Application) {
  return {
    key: app.urn,
    credentials: { client_id: app.clientId },
    uniqueForeignId: app.uniqueForeignId,
    name: app.name,
    description: app.description,
    validJsSdkDomains: app.validJsSdkDomains,
    oauth2AuthorizedCallbackUrls: app.oauth2AuthorizedCallbackUrls,
  };
}

function byForeignId(state: SandboxState, uniqueForeignId: string): Application | null {
  for (const app of state.applications.values())
    if (app.kind === "customer" && app.uniqueForeignId === uniqueForeignId) return app;
  return null;
}

export async function handleCreateApplication(ctx: RequestContext, state: SandboxState): Promise<Reply> {
  const auth = authenticate(ctx, state, "parent");
  if (!auth.ok) return auth.reply;
  if (!/^application\/json\b/i.test(ctx.header("content-type") ?? ""))
    return apiError(415, "Content-Type must be application/json (L3)");
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = createSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, describeIssues(parsed.error.issues));
  const input = parsed.data;
  if (byForeignId(state, input.uniqueForeignId))
    return apiError(409, `An application with uniqueForeignId "${input.uniqueForeignId}" already exists`);
  const app = state.putApplication({
    kind: "customer",
    createdBy: "provisioning",
    uniqueForeignId: input.uniqueForeignId,
    name: input.name,
    description: input.description,
    validJsSdkDomains: input.validJsSdkDomains ?? [],
    oauth2AuthorizedCallbackUrls: input.oauth2AuthorizedCallbackUrls ?? [],
  });
  ctx.note.entityCount = 1;
  // L4 (SDK CreateApplicationSuccessResponse.json).
  return {
    status: 201,
    json: { key: app.urn, credentials: { client_id: app.clientId, client_secret: app.clientSecret } },
    headers: { "x-restli-id": app.urn },
  };
}

export async function handleFindApplication(ctx: RequestContext, state: SandboxState): Promise<Reply> {
  const auth = authenticate(ctx, state, "parent");
  if (!auth.ok) return auth.reply;
  const q = ctx.url.searchParams.get("q");
  if (q !== "credentialsByUniqueForeignId")
    return apiError(400, `unsupported finder q="${q ?? ""}"; expected q=credentialsByUniqueForeignId`);
  const uniqueForeignId = ctx.url.searchParams.get("uniqueForeignId");
  if (!uniqueForeignId) return apiError(400, "uniqueForeignId is required");
  const app = byForeignId(state, uniqueForeignId);
  const elements = app ? [lookupElement(app)] : [];
  ctx.note.entityCount = elements.length;
  return { status: 200, json: { elements, paging: { count: 10, start: 0, links: [] } } };
}

/** POST /v2/provisionedApplications/{urn}: L6's partial update. */
export async function handleUpdateApplication(
  ctx: RequestContext,
  state: SandboxState,
  encodedKey: string,
): Promise<Reply> {
  const auth = authenticate(ctx, state, "parent");
  if (!auth.ok) return auth.reply;
  const app = state.byUrn(decodeURIComponent(encodedKey));
  if (app?.kind !== "customer") return apiError(404, `No provisioned application ${decodeURIComponent(encodedKey)}`);
  ctx.note.clientId = app.clientId;
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = patchSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, describeIssues(parsed.error.issues));
  const set = parsed.data.patch.$set;
  if (set.validJsSdkDomains) app.validJsSdkDomains = set.validJsSdkDomains;
  if (set.oauth2AuthorizedCallbackUrls) app.oauth2AuthorizedCallbackUrls = set.oauth2AuthorizedCallbackUrls;
  ctx.note.entityCount = 1;
  return { status: 204 };
}

/** POST /v2/developerApplicationsSecurity?action=rollDeveloperApplicationSecret (L7). */
export async function handleRollSecret(ctx: RequestContext, state: SandboxState): Promise<Reply> {
  const auth = authenticate(ctx, state, "parent");
  if (!auth.ok) return auth.reply;
  if (ctx.url.searchParams.get("action") !== "rollDeveloperApplicationSecret")
    return apiError(400, "expected ?action=rollDeveloperApplicationSecret");
  if ((ctx.header("x-restli-method") ?? "").toLowerCase() !== "action")
    return apiError(400, "X-RestLi-Method: action is required (L7)");
  if (ctx.header("x-restli-protocol-version") !== "2.0.0")
    return apiError(400, "X-RestLi-Protocol-Version: 2.0.0 is required (L7)");
  const body = await readJson(ctx);
  if (!body.ok) return body.reply;
  const parsed = rollSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, describeIssues(parsed.error.issues));
  const app = state.byUrn(parsed.data.childDeveloperApplication);
  if (app?.kind !== "customer") return apiError(404, `No child application ${parsed.data.childDeveloperApplication}`);
  ctx.note.clientId = app.clientId;
  // L7: at most two secrets; with two, the roll fails until one is deleted.
  if (app.previousSecret !== null)
    return apiError(400, "The application already has two secrets. Delete one before rotating.");
  app.previousSecret = app.clientSecret;
  app.clientSecret = newSecret();
  ctx.note.entityCount = 1;
  return { status: 200, json: { value: { client_secret: app.clientSecret } } };
}
