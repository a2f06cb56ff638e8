// The pool under Prisma reports a connection that breaks while handed out, before its taker listens
// (lib/db/pool.ts): in the chaos run (issue 11) PostgreSQL's shutdown FATAL reached such a client and
// became an uncaughtException. Here the backend of a client just taken with pool.connect(), as Prisma's
// transactions take one, is terminated (the same 57P01) while its taker has attached no listener.
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { eventually } from "@/test/eventually";
import { runSql } from "@/test/run-sql";
import { createDatabasePool, describeConnectionError } from "./pool";

describe("the database pool", () => {
  it("reports a handed-out connection the server ends before its taker listens", async () => {
    const lost: Error[] = [];
    const pool = createDatabasePool({
      connectionString: env().DATABASE_URL,
      max: 2,
      applicationName: "onramp-pool-test",
      onConnectionLost: (err) => void lost.push(err),
    });
    const client = await pool.connect();
    let released = false;
    try {
      // pg-pool took its own listener off when it handed the client out; without ours, the error below
      // would have no listener and go uncaught.
      expect(client.listenerCount("error")).toBe(1);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await runSql(env().DATABASE_URL, "SELECT pg_terminate_backend($1)", [rows[0]!.pid]);

      const [err] = await eventually("the loss reported", () => (lost.length > 0 ? lost : null));
      expect(describeConnectionError(err!)).toEqual({
        message: "terminating connection due to administrator command",
        code: "57P01",
      });
      await expect(client.query("SELECT 1")).rejects.toThrow(/not queryable/);
      client.release(err);
      released = true;

      // The pool goes on with a new connection.
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      if (!released) client.release(true);
      await pool.end();
    }
  });
});
