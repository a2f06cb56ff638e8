import "server-only";
// Builds a /api/v1 route handler from its operation (operations.ts): a declared body over the operation's
// limit (413, before anything else, issue 20 item 6), the token and its scope, the rate limit, then the path,
// query and body parsed with the operation's own schemas; the body is read bounded while it streams
// (lib/http/bounded-body.ts). Malformed requests answer 400 and invalid bodies 422, both with field-level
// messages; errors go through the one mapper. A POST sent with an Idempotency-Key runs once per key
// (idempotency.ts).
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { authenticateApiToken, RateLimitedError, type ApiCaller } from "@/lib/api-tokens/authenticate";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors/respond";
import { SafeError } from "@/lib/errors/safe-error";
import { bodyRefusal, declaredLengthProblem, readBodyWithin } from "@/lib/http/bounded-body";
import { idempotencyKeyOf, oncePerKey, requestFingerprint, type Answer } from "./idempotency";
import { deprecationHeaders, withCurrentNames } from "./list";
import type { ApiOperation } from "./operations";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type ApiInput<O extends ApiOperation> = {
  caller: ApiCaller;
  params: Infer<O["params"]>;
  query: Infer<O["query"]>;
  body: Infer<O["body"]>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** The most bytes an operation's body may have: its own bound, or REQUEST_MAX_BODY_BYTES. */
function bodyLimitOf(op: ApiOperation): number {
  return op.maxBodyBytes ?? env().REQUEST_MAX_BODY_BYTES;
}

async function readJsonBody(req: NextRequest, maxBytes: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyWithin(req, maxBytes));
  if (text.trim() === "")
    throw new SafeError("bad_request", "Send a JSON body.", { _: ["The request body is empty."] });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the body, which may hold a secret: answer without it.
    throw new SafeError("bad_request", "The request body is not valid JSON.", {
      _: ["The request body is not valid JSON."],
    });
  }
}

export function apiRoute<O extends ApiOperation>(
  op: O,
  handler: (input: ApiInput<O>, req: NextRequest) => Promise<z.infer<O["success"]["schema"]>>,
) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      // Every operation, with a body or not: a declared length over the limit is refused unread.
      const declared = declaredLengthProblem(req.headers, bodyLimitOf(op));
      if (declared) throw bodyRefusal(declared, bodyLimitOf(op));
      const caller = await authenticateApiToken(req.headers.get("authorization"), op.scope);
      const key = op.method === "POST" ? idempotencyKeyOf(req.headers) : null;
      const rawParams = ctx?.params ? await ctx.params : {};
      const params = op.params ? op.params.safeParse(rawParams) : undefined;
      if (params && !params.success)
        throw new SafeError("bad_request", "Some path parameters are not valid.", fieldErrorsOf(params.error));
      const named = withCurrentNames(Object.fromEntries(req.nextUrl.searchParams.entries()), op.queryAliases ?? {});
      const query = op.query ? op.query.safeParse(named.query) : undefined;
      if (query && !query.success)
        throw new SafeError("bad_request", "Some query parameters are not valid.", fieldErrorsOf(query.error));
      let body: unknown;
      let raw: unknown;
      if (op.body) {
        raw = await readJsonBody(req, bodyLimitOf(op));
        const parsed = op.body.safeParse(raw);
        if (!parsed.success)
          throw new SafeError("unprocessable", "Some fields are not valid.", fieldErrorsOf(parsed.error));
        body = parsed.data;
      }
      const input = { caller, params: params?.data, query: query?.data, body } as ApiInput<O>;
      const run = async (): Promise<Answer> => ({ status: op.success.status, body: await handler(input, req) });
      const answer = key
        ? await oncePerKey(
            {
              tokenId: caller.apiTokenId,
              key,
              requestHash: requestFingerprint(op.method, req.nextUrl.pathname, raw),
              keepAnswer: op.idempotentReplay !== "refused",
            },
            run,
          )
        : { ...(await run()), replayed: false };
      const headers: Record<string, string> = { "cache-control": "no-store" };
      if (named.deprecatedUsed.length > 0) Object.assign(headers, deprecationHeaders());
      if (answer.replayed) headers["idempotent-replayed"] = "true";
      return NextResponse.json(answer.body, { status: answer.status, headers });
    } catch (e) {
      const res = errorResponse(e);
      if (e instanceof RateLimitedError) res.headers.set("retry-after", String(e.retryAfterSeconds));
      if (e instanceof SafeError && e.code === "unauthorized")
        res.headers.set("www-authenticate", 'Bearer realm="onramp"');
      res.headers.set("cache-control", "no-store");
      return res;
    }
  };
}
