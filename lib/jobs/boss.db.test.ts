// Several Onramp instances starting at once on a fresh database each create every job queue; PostgreSQL
// answered one of them "deadlock detected" and that instance failed to start (found by `npm run chaos`).
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { JobKind } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { ensureJobQueues, ensureQueue, queueName } from "./boss";

afterAll(async () => {
  await disconnectDb();
});

describe("job queues", () => {
  it("are created by instances that start at the same time on a fresh database, none failing", async () => {
    // Fresh pg-boss schemas (not the shared one other test files use), several rounds: the race is timing-bound.
    for (let round = 0; round < 2; round++) {
      const schema = `boss_race_${randomUUID().slice(0, 8)}`;
      const bosses = Array.from(
        { length: 4 },
        () => new PgBoss({ connectionString: env().DATABASE_URL, schema, max: 3, supervise: false, schedule: false }),
      );
      try {
        for (const boss of bosses) await boss.start();
        const results = await Promise.allSettled(
          bosses.map(async (boss) => {
            await ensureJobQueues(boss);
            await ensureQueue(boss, "onramp.race_tick");
          }),
        );
        expect(results.filter((r) => r.status === "rejected")).toEqual([]);
        for (const kind of Object.values(JobKind)) expect(await bosses[0]?.getQueue(queueName(kind))).toBeTruthy();
      } finally {
        for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
        await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    }
  });
});
