// The node-postgres pool under Prisma (lib/db/client.ts). No "server-only" and no lib/env, like
// advisory-lock.ts: its test builds one with a URL.
//
// Why not let @prisma/adapter-pg make its own: pg-pool takes its idle 'error' listener off a client when
// it hands the client out, and a promise waiter (Prisma's transactions call pool.connect()) gets it one
// microtask later. When PostgreSQL shuts down, the FATAL "terminating connection due to administrator
// command" (57P01) can arrive in the same socket read as the ReadyForQuery that freed the client; pg then
// emits 'error' on a client nobody listens to, and Node turns it into an uncaughtException (found by the
// chaos run, issue 11). Here every client listens for its whole life: the loss is reported, the waiter's
// next query fails with a normal error, and the pool drops the client when it comes back.
import pg from "pg";

/** What a log line needs of a connection error: not the `client` pg-pool attaches to it. */
export function describeConnectionError(err: Error): { message: string; code?: string } {
  const code = "code" in err && typeof err.code === "string" ? err.code : undefined;
  return { message: err.message, ...(code ? { code } : {}) };
}

export function createDatabasePool(options: {
  connectionString: string;
  max: number;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** A connection that broke (database restarted, backend terminated), idle or handed out. */
  onConnectionLost: (err: Error) => void;
}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: options.applicationName,
  });
  pool.on("connect", (client) => client.on("error", options.onConnectionLost));
  // pg-pool re-emits an idle client's error on the pool after dropping the client; the client's own
  // listener above has reported it already, so this one is there so the event is not unhandled.
  pool.on("error", () => undefined);
  return pool;
}
