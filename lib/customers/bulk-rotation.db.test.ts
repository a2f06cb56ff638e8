// Bulk rotation (L7, issue 10 item 4) against the LinkedIn sandbox: "rotate every secret older than N days" rolls each
// provisioned application that is due, skips keys entered by hand and refuses one that still holds two secrets, with
// a result per customer (audit) and in the job's outcome; running the job again rolls nothing twice.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { getBoss, queueName } from "@/lib/jobs/boss";
import { jobHandlers } from "@/server/jobs";
import { retryFailedJob } from "@/server/retry";
import { runOne } from "@/lib/jobs/run";
import { customerAppSecretContext, verifyApplicationCredentials } from "@/lib/linkedin";
import { setApplicationKeys } from "./application-keys";
import { requestBulkRotation } from "./bulk-rotation";
import { createCustomer } from "./mutations";
import { provisionCustomerApplication } from "./provisioning";
import { rotateCustomerSecret } from "./secret-rotation";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const stack = parentSandboxPerFile();
// Far older than anything other test files write, so this job touches only this file's customers.
const AGE_DAYS = 3000;
const OLDER_THAN = 2900;

async function customer(name: string) {
  return createCustomer(stack.actor, {
    displayName: `${name} ${randomUUID().slice(0, 6)}`,
    foreignId: `bulk-rot-${randomUUID()}`,
    offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
  });
}

async function age(customerId: string, days: number) {
  await db.customerApplication.update({
    where: { customerId },
    data: { secretSetAt: new Date(Date.now() - days * 86_400_000) },
  });
}

async function secretOf(customerId: string) {
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId } });
  return decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
}

/** Ends a run this file queued but does not run, so no worker takes it and no later request meets it. */
async function cancelQueued(jobId: string) {
  const job = await db.job.update({ where: { id: jobId }, data: { status: "CANCELLED", finishedAt: new Date() } });
  if (job.queueJobId) await (await getBoss()).cancel(queueName("ROTATE_SECRETS"), job.queueJobId);
}

async function runJob(jobId: string) {
  const handler = jobHandlers().ROTATE_SECRETS;
  if (!handler) throw new Error("ROTATE_SECRETS has no handler");
  await runOne(handler, { data: { trackedJobId: jobId }, retryCount: 0, retryLimit: 4 });
}

describe("bulk secret rotation (L7)", () => {
  it("rolls every provisioned secret older than N days, skips hand-entered keys, refuses two-secret applications", async () => {
    const due = await customer("Bulk due");
    const fresh = await customer("Bulk fresh");
    const twoSecrets = await customer("Bulk two secrets");
    for (const c of [due, fresh, twoSecrets]) await provisionCustomerApplication(c.id);
    const manual = await customer("Bulk manual");
    const manualApp = stack.sandbox.state.putApplication({ kind: "customer", createdBy: "admin" });
    await setApplicationKeys(stack.actor, manual.id, {
      clientId: manualApp.clientId,
      clientSecret: manualApp.clientSecret,
    });
    await rotateCustomerSecret(stack.actor, twoSecrets.id); // its previous secret is still accepted
    for (const c of [due, twoSecrets, manual]) await age(c.id, AGE_DAYS);
    const before = { due: await secretOf(due.id), fresh: await secretOf(fresh.id), manual: await secretOf(manual.id) };

    // Two operators asking at once: one job is queued, the other is told one is under way.
    const asked = await Promise.allSettled([
      requestBulkRotation(stack.actor, { olderThanDays: OLDER_THAN }),
      requestBulkRotation(stack.actor, { olderThanDays: OLDER_THAN }),
    ]);
    const queued = asked.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = asked.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(queued).toHaveLength(1);
    expect(refused).toEqual([expect.stringMatching(/already under way/)]);
    const { jobId, message } = queued[0]!;
    expect(message).toMatch(/Queued: \d+ secret\(s\) older than 2900 days/);
    await expect(requestBulkRotation(stack.actor, { olderThanDays: OLDER_THAN })).rejects.toThrow(/already under way/);
    await runJob(jobId);

    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "SUCCEEDED", totalCount: 3, succeededCount: 1, failedCount: 2 });
    expect(job.payload).toMatchObject({ olderThanDays: OLDER_THAN });
    expect(job.outcome).toMatch(/^1 secret\(s\) rotated, 1 refused, 1 skipped\./);
    expect(job.outcome).toMatch(/Refused — Bulk two secrets .*: .*two secrets/);
    expect(job.outcome).toMatch(/Skipped — Bulk manual .*: keys entered by hand/);

    const rolled = await secretOf(due.id);
    expect(rolled).not.toBe(before.due);
    const dueApp = await db.customerApplication.findUniqueOrThrow({ where: { customerId: due.id } });
    expect(await verifyApplicationCredentials(dueApp.clientId, rolled)).toEqual({ ok: true });
    expect(dueApp.previousSecretEnc).not.toBeNull(); // the old one still accepted for pushes (L7 overlap)
    expect(await secretOf(fresh.id)).toBe(before.fresh);
    expect(await secretOf(manual.id)).toBe(before.manual);

    // A result per customer, in each customer's audit log.
    const audit = await db.auditLog.findMany({
      where: { customerId: { in: [due.id, twoSecrets.id, manual.id] }, actorLabel: "system:bulk-rotation" },
    });
    const actionsOf = (id: string) => audit.filter((a) => a.customerId === id).map((a) => a.action);
    expect(actionsOf(due.id)).toEqual(["customer.secret_rotated"]);
    expect(actionsOf(twoSecrets.id)).toEqual(["customer.secret_rotation_not_done"]);
    expect(actionsOf(manual.id)).toEqual(["customer.secret_rotation_skipped"]);

    // The job run again (a retry after a crash) rolls nothing twice.
    const rolls = stack.sandbox.state.calls.filter((c) => c.endpoint === "secret_roll").length;
    await db.job.update({ where: { id: jobId }, data: { status: "QUEUED" } });
    await runJob(jobId);
    expect(stack.sandbox.state.calls.filter((c) => c.endpoint === "secret_roll").length).toBe(rolls);
    expect(await secretOf(due.id)).toBe(rolled);
  });

  it("a retry passes the same lock and under-way check as a request: two at once queue one, none while one runs", async () => {
    // Issue 20: a failed run retried by hand. Its cutoff (2000) rolls nothing, should another file's worker take it.
    const failed = await db.job.create({
      data: {
        kind: "ROTATE_SECRETS",
        status: "FAILED",
        payload: { olderThanDays: OLDER_THAN, setBefore: "2000-01-01T00:00:00.000Z" },
      },
    });
    const asked = await Promise.allSettled([
      retryFailedJob(failed.id, stack.actor),
      retryFailedJob(failed.id, stack.actor),
    ]);
    const queued = asked.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = asked.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(queued).toHaveLength(1);
    expect(refused).toEqual([expect.stringMatching(/already under way/)]);
    const retried = await db.job.findUniqueOrThrow({ where: { id: queued[0]!.trackedJobId } });
    expect(retried).toMatchObject({ kind: "ROTATE_SECRETS", status: "QUEUED", payload: failed.payload });

    // While that run is under way, neither a retry nor a new request queues another.
    await expect(retryFailedJob(failed.id, stack.actor)).rejects.toThrow(/already under way/);
    await expect(requestBulkRotation(stack.actor, { olderThanDays: OLDER_THAN })).rejects.toThrow(/already under way/);
    expect(await db.job.count({ where: { kind: "ROTATE_SECRETS", status: "QUEUED" } })).toBe(1);
    await cancelQueued(retried.id);
  });

  it("refuses a number of days that is not a whole number of at least 1", async () => {
    const { bulkRotationSchema } = await import("./bulk-rotation");
    expect(bulkRotationSchema.safeParse({ olderThanDays: "0" }).success).toBe(false);
    expect(bulkRotationSchema.safeParse({ olderThanDays: "abc" }).success).toBe(false);
    expect(bulkRotationSchema.safeParse({ olderThanDays: "90" }).data).toEqual({ olderThanDays: 90 });
  });
});
