// Issue 11 (chaos run, PostgreSQL outage): a job whose handler ends while the database refuses connections
// must give a logged, handled error and no unhandled rejection (pg-boss 10's work() left the write of the
// outcome unawaited: lib/jobs/work.ts). Method: a database of its own, a queue job fetched by a lane, and a
// handler that makes the database refuse every connection (ALLOW_CONNECTIONS false, its sessions
// terminated) before it fails, as a handler does when PostgreSQL stops under it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { logger } from "@/lib/log/logger";
import { forgetStart } from "@/lib/runtime/once";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { eventually } from "@/test/eventually";
import { getBoss, stopBoss } from "./boss";
import { stopLoops } from "./loop";
import { workQueue } from "./work";
import { startWorkersInBackground } from "@/server/worker";

let scratch: ScratchDatabase;
const QUEUE = "onramp.test-outage";

/** Runs `text` on the server's maintenance database (the scratch one may refuse connections). */
async function onServer(text: string): Promise<void> {
  const url = new URL(scratch.url);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const scratchName = () => new URL(scratch.url).pathname.slice(1);

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url, log: () => {} });
  await disconnectDb();
  setTestEnv({ DATABASE_URL: scratch.url, JOBS_EXPIRE_SECONDS: "60" });
});
afterAll(async () => {
  await stopLoops();
  await onServer(`ALTER DATABASE "${scratchName()}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
  await stopBoss();
  await disconnectDb();
  await scratch?.drop();
});

describe("a job that ends while the database is down", () => {
  it("logs that its outcome could not be recorded, and leaves no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const errors = vi.spyOn(logger(), "error");
    try {
      const boss = await getBoss();
      await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 2, expireInSeconds: 60 });
      const jobId = await boss.send(QUEUE, { n: 1 });
      let ran = 0;
      workQueue(boss, QUEUE, { lanes: 1, pollingIntervalMs: 100 }, async () => {
        ran += 1;
        await onServer(`ALTER DATABASE "${scratchName()}" WITH ALLOW_CONNECTIONS false;
          SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${scratchName()}';`);
        throw new Error("the handler's own query failed: the database is down");
      });
      const logged = await eventually("the outcome's failed write to be logged", async () =>
        errors.mock.calls.find(([, message]) => String(message).includes("could not record the job's outcome")),
      );
      expect(logged[0]).toMatchObject({ queue: QUEUE, queueJobId: jobId, outcome: "failed" });
      expect(ran).toBe(1);

      // The database is back: the job is still active (pg-boss expires it and hands it on), not lost.
      await onServer(`ALTER DATABASE "${scratchName()}" WITH ALLOW_CONNECTIONS true`);
      const job = await eventually(
        "the job to be readable again",
        async () => (await boss.getJobById(QUEUE, jobId ?? "")) ?? undefined,
      );
      expect(job.state).toBe("active");
      // Node reports an unhandled rejection at the end of the turn it happened in: many turns ago by now.
      expect(unhandled).toEqual([]);
    } finally {
      errors.mockRestore();
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("an instance that starts while the database refuses connections", () => {
  it("logs why its workers could not start, and starts them once the database answers", async () => {
    await stopBoss();
    forgetStart("workers");
    await onServer(`ALTER DATABASE "${scratchName()}" WITH ALLOW_CONNECTIONS false;
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${scratchName()}';`);
    const errors = vi.spyOn(logger(), "error");
    try {
      startWorkersInBackground(100);
      await eventually("a failed start to be logged", () =>
        errors.mock.calls.find(([, message]) => String(message).includes("job workers could not start")),
      );
      await onServer(`ALTER DATABASE "${scratchName()}" WITH ALLOW_CONNECTIONS true`);
      await eventually("the workers to have started", async () => {
        const started = globalThis.onrampStarted?.workers;
        return started
          ? started.then(
              () => true,
              () => false,
            )
          : false;
      });
    } finally {
      errors.mockRestore();
    }
  });
});
