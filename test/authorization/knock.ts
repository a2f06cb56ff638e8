// Calls one entry point as one caller, through the real guard, and says whether the caller got through
// (issue 20, the authorization matrix). Pages are called as Next renders them (their props; redirect() and
// notFound() throw), route handlers with a real NextRequest, server actions with a FormData.
import { NextRequest } from "next/server";
import type { Fixtures } from "./callers";
import { type Entry, segmentsOf, urlPathOf } from "./enumerate";
import { runAsRequest } from "./session";

export type Outcome = { through: boolean; detail: string };

/** The value each dynamic segment takes: real rows of this run for the console, unknown ids for the API. */
export function paramsFor(file: string, fx: Fixtures): Record<string, string | string[]> {
  const missing = `missing-${fx.tag}`;
  const api = file.startsWith("app/api/v1/");
  const values: Record<string, string | string[]> = {
    customerId: api ? missing : fx.customerId,
    importId: api ? missing : fx.importId,
    endpointId: missing,
    token: "not-a-valid-link",
    key: "not-a-valid-key",
    callbackKey: "not-a-valid-key",
    nextauth: ["session"],
  };
  const params: Record<string, string | string[]> = {};
  for (const { name } of segmentsOf(file)) {
    const value = values[name];
    if (value === undefined)
      throw new Error(`${file}: say in test/authorization/knock.ts which value the [${name}] segment takes`);
    params[name] = value;
  }
  return params;
}

function digestOf(e: unknown): string | null {
  return typeof e === "object" && e !== null && "digest" in e && typeof e.digest === "string" ? e.digest : null;
}

async function knockPage(entry: Entry, params: Record<string, unknown>): Promise<Outcome> {
  const page = entry.call as (props: Record<string, unknown>) => unknown;
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}), children: null });
    return { through: true, detail: "rendered" };
  } catch (e) {
    const digest = digestOf(e);
    if (digest?.startsWith("NEXT_REDIRECT;")) {
      const to = digest.split(";").slice(2, -2).join(";");
      return { through: !to.startsWith("/sign-in"), detail: `redirected to ${to}` };
    }
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { through: false, detail: "not found" };
    throw e;
  }
}

/** A JSON body for writes, so a caller who gets through meets validation, not a missing body. */
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

async function knockRoute(
  entry: Entry,
  params: Record<string, string | string[]>,
  headers: Record<string, string>,
  customerScoped: boolean,
): Promise<Outcome> {
  const method = entry.key.slice(entry.key.lastIndexOf(" ") + 1);
  const url = `http://onramp.test${urlPathOf(entry.file, params)}`;
  const req = new NextRequest(url, {
    method,
    headers: { ...headers, ...(BODY_METHODS.has(method) ? { "content-type": "application/json" } : {}) },
    body: BODY_METHODS.has(method) ? "{}" : undefined,
  });
  const handler = entry.call as (r: NextRequest, ctx: { params: Promise<unknown> }) => Promise<Response>;
  const res = await handler(req, { params: Promise.resolve(params) });
  await res.body?.cancel();
  const refused = res.status === 401 || res.status === 403 || (customerScoped && res.status === 404);
  return { through: !refused, detail: `answered ${res.status}` };
}

/** What the guard and the lib checks say when they refuse: the session, the role, another customer's row. */
const REFUSALS = [/^Your session has ended/, /^Your role does not allow/, /^Only an operator can/, /^No such /];

async function knockAction(entry: Entry, input: Record<string, string>): Promise<Outcome> {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) form.set(k, v);
  const action = entry.call as (prev: undefined, form: FormData) => Promise<{ ok: boolean; message?: string }>;
  try {
    const state = await action(undefined, form);
    const refused = !state.ok && REFUSALS.some((r) => r.test(state.message ?? ""));
    return { through: !refused, detail: `answered ${JSON.stringify(state.message ?? "")}` };
  } catch (e) {
    const digest = digestOf(e);
    if (digest?.startsWith("NEXT_REDIRECT;")) return { through: true, detail: "redirected" };
    throw e;
  }
}

export function knock(
  entry: Entry,
  fx: Fixtures,
  headers: Record<string, string>,
  opts: { input: Record<string, string>; customerScoped: boolean },
): Promise<Outcome> {
  const params = paramsFor(entry.file, fx);
  return runAsRequest(headers, () => {
    if (entry.kind === "page") return knockPage(entry, params);
    if (entry.kind === "route") return knockRoute(entry, params, headers, opts.customerScoped);
    return knockAction(entry, opts.input);
  });
}
