import "server-only";
// The one route-handler wrapper (issue 21 point 4). A guard says who may call and with what (a session's role
// and customer scope, lib/auth/guard.ts; a vendor token and an operation's parsed input, lib/vendor-api/route.ts;
// or anyone); the wrapper runs it, then the handler, and maps whatever either throws through the one table
// (lib/errors/respond.ts: SafeError code → status).
import type { NextRequest, NextResponse } from "next/server";
import { errorResponse } from "@/lib/errors/respond";

/** What stands before a handler: `admit` answers what the handler gets, or throws a SafeError saying why not. */
export type RouteGuard<C, P> = {
  admit(req: NextRequest, params: P): Promise<C>;
  /** Headers every refusal behind this guard carries (WWW-Authenticate, Retry-After, …). */
  onError?(e: unknown, res: NextResponse): void;
};

type RouteContext<P> = { params: Promise<P> };

export function route<C, P>(guard: RouteGuard<C, P>, handler: (req: NextRequest, admitted: C) => Promise<Response>) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, await guard.admit(req, await ctx.params));
    } catch (e) {
      const res = errorResponse(e);
      guard.onError?.(e, res);
      return res;
    }
  };
}

/** No sign-in: links in emails, callers that prove themselves inside the handler. */
export function anyone<P>(): RouteGuard<{ params: P }, P> {
  return { admit: async (_req, params) => ({ params }) };
}
