import "server-only";
// Builds a /api/v1 route handler from its operation (operations.ts): a declared body over the operation's
// limit (413, before anything else, issue 20 item 6), the token and its scope, the rate limit, then the path,
// query and body parsed with the operation's own schemas; the body is read bounded while it streams
// (lib/http/bounded-body.ts). Malformed requests answer 400 and invalid bodies 422, both with field-level
// messages; errors go through the one route wrapper (lib/http/route.ts) and its one mapper. A POST sent with an
// Idempotency-Key runs once per key (idempotency.ts).
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { authenticateApiToken, RateLimitedError, type ApiCaller } from "@/lib/api-tokens/authenticate";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import { validationErrors } from "@/lib/errors/validation";
import { bodyRefusal, declaredLengthProblem, readBodyWithin } from "@/lib/http/bounded-body";
import { type RouteGuard, route } from "@/lib/http/route";
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

type RouteParams = Record<string, string | string[]>;

function invalid(code: "bad_request" | "unprocessable", message: string, error: z.ZodError): SafeError {
  return new SafeError(code, message, validationErrors(error).errors);
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

/** The operation's guard: declared length, token and scope, rate limit, then path, query and body parsed. */
/** What the guard admits: the handler's input, and what the wrapper needs to answer a retry or an old name. */
type Admitted<O extends ApiOperation> = {
  input: ApiInput<O>;
  /** The Idempotency-Key of a POST, if sent. */
  key: string | null;
  /** The body as parsed JSON, before the schema: what tells a retry from another request. */
  raw: unknown;
  /** The request used a name kept for one release (`after` for `cursor`). */
  deprecatedNames: boolean;
};

function operationGuard<O extends ApiOperation>(op: O): RouteGuard<Admitted<O>, RouteParams> {
  return {
    async admit(req, rawParams) {
      // Every operation, with a body or not: a declared length over the limit is refused unread.
      const declared = declaredLengthProblem(req.headers, bodyLimitOf(op));
      if (declared) throw bodyRefusal(declared, bodyLimitOf(op));
      const caller = await authenticateApiToken(req.headers.get("authorization"), op.scope);
      const key = op.method === "POST" ? idempotencyKeyOf(req.headers) : null;
      const params = op.params ? op.params.safeParse(rawParams) : undefined;
      if (params && !params.success) throw invalid("bad_request", "Some path parameters are not valid.", params.error);
      const named = withCurrentNames(Object.fromEntries(req.nextUrl.searchParams.entries()), op.queryAliases ?? {});
      const query = op.query ? op.query.safeParse(named.query) : undefined;
      if (query && !query.success) throw invalid("bad_request", "Some query parameters are not valid.", query.error);
      let body: unknown;
      let raw: unknown;
      if (op.body) {
        raw = await readJsonBody(req, bodyLimitOf(op));
        const parsed = op.body.safeParse(raw);
        if (!parsed.success) throw invalid("unprocessable", "Some fields are not valid.", parsed.error);
        body = parsed.data;
      }
      const input = { caller, params: params?.data, query: query?.data, body } as ApiInput<O>;
      return { input, key, raw, deprecatedNames: named.deprecatedUsed.length > 0 };
    },
    onError(e, res) {
      if (e instanceof RateLimitedError) res.headers.set("retry-after", String(e.retryAfterSeconds));
      if (e instanceof SafeError && e.code === "unauthorized")
        res.headers.set("www-authenticate", 'Bearer realm="onramp"');
      res.headers.set("cache-control", "no-store");
    },
  };
}

/** A /api/v1 handler: the one route wrapper behind the operation's guard, answering its typed success body. */
export function apiRoute<O extends ApiOperation>(
  op: O,
  handler: (input: ApiInput<O>, req: NextRequest) => Promise<z.infer<O["success"]["schema"]>>,
) {
  return route(operationGuard(op), async (req, { input, key, raw, deprecatedNames }) => {
    const run = async (): Promise<Answer> => ({ status: op.success.status, body: await handler(input, req) });
    const answer = key
      ? await oncePerKey(
          {
            tokenId: input.caller.apiTokenId,
            key,
            requestHash: requestFingerprint(op.method, req.nextUrl.pathname, raw),
            keepAnswer: op.idempotentReplay !== "refused",
          },
          run,
        )
      : { ...(await run()), replayed: false };
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (deprecatedNames) Object.assign(headers, deprecationHeaders());
    if (answer.replayed) headers["idempotent-replayed"] = "true";
    return NextResponse.json(answer.body, { status: answer.status, headers });
  });
}
