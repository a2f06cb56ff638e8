// Issue #4, C28: a worker process killed mid-sync; its job is retried by another process and finishes, on real
// Postgres and the LinkedIn sandbox (test-support/sync-harness.ts).
import { describe, expect, it } from "vitest";
import { forgetStart } from "@/lib/runtime/once";
import { eventually } from "@/test/eventually";
import { startOnrampProcess } from "@/test/onramp-process";
import {
  allNamesSynced,
  batchCalls,
  integrationsOf,
  m,
  makeCustomer,
  plugin,
  sandboxIntegrations,
  sandboxPost,
  unlessJobFailed,
  useSyncStack,
} from "./test-support/sync-harness";

useSyncStack();

describe("a crashed worker (C28)", () => {
  it("a job whose worker process was killed mid-sync is retried by another process and finishes; nothing is lost", async () => {
    // This process stops working so the child gets the job; it comes back after the crash.
    await m.boss.stopBoss();
    // startWorkers() remembers that this process started its workers; the stopped engine took them away.
    forgetStart("workers");
    const c = await makeCustomer();
    const tuples = Array.from({ length: 250 }, (_, i) => plugin(`crash${i}`));
    for (const t of tuples) await sandboxPost("/_sandbox/integrations", { clientId: c.clientId, ...t });
    // All 250 are stored before the worker starts, so one job syncs them in three paced batches (C13): each
    // hand-over's confirmation look-up (C19b) shares the application's send slot with the name batches.
    for (let i = 0; i < tuples.length; i += 50)
      await m.intake.recordWidgetIntegrations(c.actor, { integrations: tuples.slice(i, i + 50) });
    const child = await startOnrampProcess("lib/integrations/test-support/worker-process.ts");
    await eventually("first batch recorded by the doomed worker", async () => {
      const synced = await m.db.db.integration.count({ where: { customerId: c.customerId, nameSyncState: "SYNCED" } });
      return synced >= 100 && synced < 250;
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The job the dead process was running (the tracker still says RUNNING: nobody told it otherwise).
    const killed = await m.db.db.job.findFirstOrThrow({
      where: { customerId: c.customerId, kind: "SYNC_NAMES", status: "RUNNING" },
    });
    const midway = await m.db.db.integration.count({ where: { customerId: c.customerId, nameSyncState: "SYNCED" } });
    expect(midway).toBeLessThan(250);

    // A new process: pg-boss expires the dead worker's job and retries it here. Its expiry (600 s) is
    // brought forward by moving the job's start back, so the test waits on no clock: pg-boss expires an
    // active job when started_on + expire_in < now() (pg-boss 10, plans.js).
    await m.worker.startWorkers();
    const boss = await m.boss.getBoss();
    expect(killed.queueJobId).not.toBeNull();
    await m.db.db.$executeRawUnsafe(
      `UPDATE pgboss.job SET started_on = now() - expire_in - interval '1 second' WHERE id = $1::uuid AND state = 'active'`,
      killed.queueJobId,
    );
    await boss.expire();
    await eventually("all 250 names synced after the crash", () => allNamesSynced(c.customerId, 250), {
      failWhen: unlessJobFailed(c.customerId, "SYNC_NAMES"),
    });
    const resumed = await eventually(
      "the killed job retried and SUCCEEDED",
      async () => {
        const j = await m.db.db.job.findUnique({ where: { id: killed.id } });
        return j?.status === "SUCCEEDED" ? j : null;
      },
      { failWhen: unlessJobFailed(c.customerId, "SYNC_NAMES") },
    );
    expect(resumed.attempts).toBeGreaterThanOrEqual(2);
    // Nothing was lost, nothing conflicting reached LinkedIn: every name there is the stored one, and
    // the accepted calls of the two processes kept their spacing (C13).
    const atLinkedIn = new Map(
      (await sandboxIntegrations(c.clientId)).map((i) => [i.integrationContext, i.integrationName]),
    );
    for (const r of await integrationsOf(c.customerId)) expect(atLinkedIn.get(r.integrationContext)).toBe(r.name);
    const accepted = (await batchCalls(c.clientId)).filter((x) => x.status === 200);
    for (let i = 1; i < accepted.length; i++)
      expect((accepted[i]?.at ?? 0) - (accepted[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
