// One lock helper and one hashing of lock names (issue 21 point 4): a name means the same PostgreSQL lock whether a
// session or a transaction takes it, the hash is pinned (changing it would let old and new instances hold "one"
// lock at once), and no other module writes its own pg_advisory_* call or hash.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { filesMatching } from "@/test/source-files";
import { type LockingTransaction, lockInTransaction, tryAdvisoryLock } from "./advisory-lock";

const NAME = "onramp:lock-test";
/** hashtextextended('onramp:lock-test', 0): pinned, so a change of the hashing fails here first. */
const PINNED_KEY = -8885734622780426068n;

const options = () => ({
  databaseUrl: env().DATABASE_URL,
  applicationName: "onramp-lock-test",
  onConnectionError: (err: Error) => {
    throw err;
  },
});

/** A transaction on a connection of its own, as a LockingTransaction (Prisma's TransactionClient is another). */
async function inTransaction<T>(fn: (tx: LockingTransaction, client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    const tx: LockingTransaction = {
      $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    };
    try {
      return await fn(tx, client);
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    await client.end();
  }
}

describe("advisory locks", () => {
  it("hash a name to the pinned key in both scopes", async () => {
    const held = await inTransaction(async (tx, client) => {
      await lockInTransaction(tx, NAME);
      const { rows } = await client.query<{ key: string }>(
        `SELECT ((classid::bigint << 32) | objid::bigint)::text AS key FROM pg_locks
          WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objsubid = 1`,
      );
      return rows.map((r) => BigInt(r.key));
    });
    expect(held).toEqual([PINNED_KEY]);
  });

  it("make a session lock and a transaction lock of one name exclude each other", async () => {
    const session = await tryAdvisoryLock({ name: NAME }, options());
    expect(session).not.toBeNull();
    try {
      await inTransaction(async (tx, client) => {
        await client.query("SET LOCAL lock_timeout = 100");
        await expect(lockInTransaction(tx, NAME)).rejects.toMatchObject({ code: "55P03" });
      });
    } finally {
      await session?.release();
    }
    await inTransaction(async (tx) => {
      await lockInTransaction(tx, NAME);
      expect(await tryAdvisoryLock({ name: NAME }, options())).toBeNull();
    });
  });

  it("are taken only through lib/db/advisory-lock.ts", () => {
    const others = filesMatching(["app", "components", "lib", "scripts"], "lib/db/advisory-lock.ts", [
      /pg_(try_)?advisory|hashtext/,
    ]);
    expect(others).toEqual([]);
  });
});
