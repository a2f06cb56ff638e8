// POST/GET /v2/provisionedApplications — the Provisioning API creates one customer application per
// customer with the parent application's token (C1).
import { z } from "zod";
import { authenticate } from "../auth";
import { apiError, describeIssues, readJson, type Reply, type RequestContext } from "../http-io";
import type { Application, SandboxState } from "../state";

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === v.replace(/\/$/, "");
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}, "must be an origin such as https://portal.example.com (scheme, host, optional port; no path)");

const httpUrl = z.url({ protocol: /^https?$/ });

const createSchema = z
  .object({
    uniqueForeignId: z.string().min(1).max(255),
    name: z
      .string()
      .min(1)
      .max(50, "name must be at most 50 characters")
      .refine((n) => !/linkedin/i.test(n), 'name must not contain "LinkedIn"'),
    description: z.string().min(1),
    validJsOrigins: z.array(origin).optional(),
    oauth2AuthorizedCallbackUrls: z.array(httpUrl).optional(),
  })
  .strict();

/** The answer shape (see docs/SANDBOX.md: `key`/`secret` and `credentials` both carry the key pair). */
export function describeApplication(app: Application) {
  return {
    key: app.clientId,
    secret: app.clientSecret,
    credentials: { client_id: app.clientId, client_secret: app.clientSecret },
    uniqueForeignId: app.uniqueForeignId,
    name: app.name,
    description: app.description,
    validJsOrigins: app.validJsOrigins,
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
    validJsOrigins: (input.validJsOrigins ?? []).map((o) => o.replace(/\/$/, "")),
    oauth2AuthorizedCallbackUrls: input.oauth2AuthorizedCallbackUrls ?? [],
  });
  ctx.note.entityCount = 1;
  return { status: 201, json: describeApplication(app), headers: { "x-restli-id": app.clientId } };
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
  const elements = app ? [describeApplication(app)] : [];
  ctx.note.entityCount = elements.length;
  return { status: 200, json: { elements, paging: { count: 10, start: 0, links: [] } } };
}
