// A batch of processing jobs the database refused is tried again while the process lives (C23, C28):
// found by the chaos run (issue 11), where pushes stored just before PostgreSQL stopped waited minutes
// for the sweep. This file runs against a database of its own: a trigger there refuses the first insert
// of a "Job" row (a sequence counts tries, and a sequence is not rolled back with the failed insert), as
// a database going away between the answer and the queuing would.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { runSql } from "@/test/run-sql";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { receiveNotification } from "./receive";
import { signNotification } from "./signature";

let scratch: ScratchDatabase;

const sql = (text: string) => runSql(scratch.url, text);

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url, log: () => {} });
  await stopBoss();
  await disconnectDb();
  setTestEnv({ DATABASE_URL: scratch.url });
  await getBoss();
});
afterAll(async () => {
  await stopBoss();
  await disconnectDb();
  await scratch?.drop();
});

describe("queuing processing when the database refuses the first try", () => {
  it("tries the batch again and queues each notification once", async () => {
    const app = await createTestApplication();
    const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: app.customerId } });
    await sql(`
      CREATE SEQUENCE onramp_test_job_tries;
      CREATE FUNCTION onramp_test_refuse_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('onramp_test_job_tries') = 1 THEN RAISE EXCEPTION 'test: the database refused the batch'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER onramp_test_refuse_once BEFORE INSERT ON "Job" FOR EACH ROW EXECUTE FUNCTION onramp_test_refuse_once();`);

    const deferred: (() => Promise<void>)[] = [];
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) {
      const body = JSON.stringify({ id, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
      const answer = await receiveNotification(
        new Request("http://onramp.test/cb", {
          method: "POST",
          body,
          headers: { "x-li-signature": signNotification(app.clientSecret, body) },
        }),
        callbackKey,
        (work) => void deferred.push(work),
      );
      expect(answer.status).toBe(200);
    }
    // Resolves once the batch is written: after the refused try and the one after it.
    await Promise.all(deferred.map((work) => work()));

    const stored = await db.notification.findMany({ where: { customerId: app.customerId } });
    expect(stored).toHaveLength(2);
    const jobs = await db.job.findMany({ where: { kind: "PROCESS_NOTIFICATION", customerId: app.customerId } });
    expect(jobs.map((j) => (j.payload as { notificationId: string }).notificationId).sort()).toEqual(
      stored.map((n) => n.id).sort(),
    );
    expect(jobs.every((j) => j.status === "QUEUED" && j.triggeredBy === "system:callback")).toBe(true);
  });
});
