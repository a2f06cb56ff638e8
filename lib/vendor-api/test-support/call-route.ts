// Calls /api/v1 route handlers with real NextRequests, as Next would, for the vendor API's tests.
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Json = Record<string, unknown> & {
  error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};
export type RouteTable = [RegExp, Record<string, unknown>][];
export type CallOptions = { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

export async function callRoute(
  routes: RouteTable,
  defaultToken: string | undefined,
  method: string,
  pathAndQuery: string,
  opts: CallOptions = {},
) {
  const url = new URL(`http://onramp.test/api/v1${pathAndQuery}`);
  const path = url.pathname.replace(/^\/api\/v1/, "");
  for (const [re, mod] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    const handler = mod[method] as Handler | undefined;
    if (!handler) throw new Error(`no ${method} on ${path}`);
    const token = opts.token === undefined ? defaultToken : opts.token;
    const req = new NextRequest(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(opts.body !== undefined || opts.rawBody ? { "content-type": "application/json" } : {}),
        ...opts.headers,
      },
      body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const res = await handler(req, { params: Promise.resolve({ ...(m.groups ?? {}) }) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: (text ? JSON.parse(text) : null) as Json };
  }
  throw new Error(`no route for ${path}`);
}
