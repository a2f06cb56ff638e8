import "server-only";
// A server error while rendering a page or answering a route (issue 21, point 1): logged with Next's digest, the
// reference id the error page shows the person (components/layout/error-notice.tsx), so support can find the
// error and its stack from what the person reads out. Next calls this through instrumentation.ts onRequestError.
import { logger } from "@/lib/log/logger";

/** The part of Next's onRequestError arguments this logs: never the request's headers (they carry cookies). */
export type RequestErrorContext = { routerKind: string; routePath: string; routeType: string };

export function logRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: RequestErrorContext,
) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  logger().error(
    {
      err: error,
      digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
    },
    digest ? `request failed, reference ${digest}` : "request failed",
  );
}
