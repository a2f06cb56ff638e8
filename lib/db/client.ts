import "server-only";
// One Prisma client per process, over node-postgres (@prisma/adapter-pg): the same code path for the
// embedded database and an external one, with no engine binary at run time.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { onShutdown } from "@/lib/runtime/shutdown";
import { PrismaClient } from "./generated/client";
import { createDatabasePool, describeConnectionError } from "./pool";

export type Db = PrismaClient;

const globalForDb = globalThis;

function createClient(): PrismaClient {
  const e = env();
  // Our own pool (lib/db/pool.ts says why), ended with the client.
  const pool = createDatabasePool({
    connectionString: e.DATABASE_URL,
    max: 10,
    applicationName: "onramp",
    onConnectionLost: (err) =>
      logger().warn({ err: describeConnectionError(err) }, "database connection lost; the pool opens a new one"),
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  onShutdown("database", disconnectDb); // issue 24: the last step of a stop, after the jobs and the web server
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: e.DB_TRANSACTION_MAX_WAIT_MS, timeout: e.DB_TRANSACTION_TIMEOUT_MS },
  });
}

/** The process's Prisma client, created on first use (so `next build` needs no database). */
export function getDb(): PrismaClient {
  globalForDb.onrampDb ??= createClient();
  return globalForDb.onrampDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.onrampDb) {
    await globalForDb.onrampDb.$disconnect();
    globalForDb.onrampDb = undefined;
  }
}
