// Next.js calls register() once per server process: start this instance's job workers (C28).
// NEXT_RUNTIME is set by Next itself and must be read inline so the edge bundle drops this code.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Issue 24 point 2: traces over OTLP when OTEL_* asks for them (lib/tracing/setup.ts); nothing otherwise.
  const { startTracing } = await import("@/lib/tracing/setup");
  startTracing();
  const { env } = await import("@/lib/env");
  if (!env().JOBS_WORKERS) return;
  const { startWorkersInBackground } = await import("@/server/worker");
  // Not awaited: the web server must serve even while PostgreSQL is down; the workers start once it answers.
  startWorkersInBackground();
}

// Every server error Next catches while rendering or routing, logged with its digest: the reference id the error
// page shows (issue 21, point 1; lib/log/request-error.ts).
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(error, request, context);
}
