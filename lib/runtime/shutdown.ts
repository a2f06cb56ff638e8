// One clean stop for every Onramp process (issue 24 point 5): on SIGINT/SIGTERM the instance says it is not ready
// (GET /api/health answers 503 "shutting down" at once), stops taking jobs and finishes or hands back those it
// holds, stops its web server, stops the job engine, closes the database, and exits 0. Hung past
// SHUTDOWN_TIMEOUT_MS, it exits 1 with a log line. The state lives on globalThis: scripts/serve.ts (plain tsx)
// and the modules Next bundles (the workers started by instrumentation.ts) are separate module instances of one
// process. The server-only modules register their part here when they start; this file imports none of them.
// No "server-only": scripts/serve.ts runs without the react-server condition.
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** The parts of a stop, run in this order; each runs once, and only if something registered it. */
export const SHUTDOWN_STEPS = ["jobs", "web", "queue", "database"] as const;
export type ShutdownStep = (typeof SHUTDOWN_STEPS)[number];
/** `drainMs`: how long work already held may take before it is handed back. */
export type StepStop = (drainMs: number) => Promise<void>;

type Log = { info: (fields: object, message: string) => void; error: (fields: object, message: string) => void };

export type ShutdownState = { stopping: Promise<void> | null; steps: Map<ShutdownStep, StepStop> };

function state(): ShutdownState {
  globalThis.onrampShutdown ??= { stopping: null, steps: new Map() };
  return globalThis.onrampShutdown;
}

/** True from the first stop signal on: readiness answers 503 and no loop starts anew. */
export function isShuttingDown(): boolean {
  return state().stopping !== null;
}

/** What stops `step` of this process (a later registration replaces an earlier one: hot reload). */
export function onShutdown(step: ShutdownStep, stop: StepStop): void {
  state().steps.set(step, stop);
}

/**
 * Stops a node:http server: no new connections, idle keep-alive ones closed now, the rest (requests still being
 * answered, upgraded sockets such as the development build's reload channel) ended after `drainMs`. Call it before
 * the server listens: it counts the sockets itself, as server.close() waits for upgraded ones too.
 */
export function webServerStop(server: Server): StepStop {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  return async (drainMs) => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    }, drainMs);
    await closed;
    clearTimeout(timer);
  };
}

/**
 * Runs every registered step in SHUTDOWN_STEPS order (idempotent: a second call waits for the first). Work held
 * gets the first half of `timeoutMs`, requests still answered at least a quarter; past `timeoutMs` the process
 * exits 1. A step that fails is logged and the later ones still run (the database is closed all the same).
 */
export function shutDown(options: {
  reason: string;
  timeoutMs: number;
  log: Log;
  exit?: (code: number) => void;
}): Promise<void> {
  const s = state();
  if (s.stopping) return s.stopping;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { log, timeoutMs } = options;
  const started = Date.now();
  log.info({ reason: options.reason, timeoutMs }, "shutting down: not ready, no new jobs");
  const hung = setTimeout(() => {
    log.error({ timeoutMs }, `shutdown did not finish within ${timeoutMs} ms; exiting anyway`);
    exit(1);
  }, timeoutMs);
  s.stopping = (async () => {
    let failed = false;
    for (const step of SHUTDOWN_STEPS) {
      const stop = s.steps.get(step);
      if (!stop) continue;
      const drainMs = Math.max(Math.floor(timeoutMs / 4), Math.floor(timeoutMs / 2) - (Date.now() - started));
      try {
        await stop(drainMs);
        log.info({ step }, "shutdown: stopped");
      } catch (err) {
        failed = true;
        log.error({ err, step }, "shutdown: a step failed; going on with the next");
      }
    }
    clearTimeout(hung);
    if (failed) return exit(1);
    log.info({ ms: Date.now() - started }, "shut down cleanly");
    exit(0);
  })();
  return s.stopping;
}

/** SIGINT and SIGTERM (Ctrl-C, a rolling deploy) run shutDown once; later signals wait for that stop. */
export function stopOnSignals(options: { timeoutMs: number; log: Log }): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void shutDown({ ...options, reason: signal }));
}
