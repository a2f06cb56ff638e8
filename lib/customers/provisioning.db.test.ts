// Provisioning as a tracked job (C1, C28): the registered handler stores LinkedIn's keys encrypted;
// LinkedIn's refusal lands on the job row in words the operator can act on.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { jobHandlers } from "@/lib/jobs/registry";
import type { QueuedJobData } from "@/lib/jobs/tracker";
import { runOne } from "@/lib/jobs/worker";
import { customerAppSecretContext } from "@/lib/linkedin";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { DEFAULT_PARENT, startSandbox, type SandboxHandle } from "@/sandbox/server";
import { createCustomer } from "./mutations";
import { requestProvisioning } from "./provisioning";

let sandbox: SandboxHandle;
let actor: Actor;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, { LINKEDIN_CLIENT_ID: DEFAULT_PARENT.clientId, LINKEDIN_CLIENT_SECRET: DEFAULT_PARENT.clientSecret, LINKEDIN_MAX_ATTEMPTS: "1" });
  const u = await db.user.create({ data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" } });
  actor = { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

/** One attempt of the tracked job, as pg-boss would hand it to the worker (by default the first of five). */
async function runAttempt(trackedJobId: string, retryLimit = 4): Promise<unknown> {
  const handler = jobHandlers().PROVISION_APPLICATION;
  expect(handler, "PROVISION_APPLICATION is registered").toBeDefined();
  const job = { data: { trackedJobId }, retryCount: 0, retryLimit } as unknown as PgBoss.JobWithMetadata<QueuedJobData>;
  return runOne(handler!, job).then(
    () => null,
    (e: unknown) => e,
  );
}

describe("PROVISION_APPLICATION job (C1)", () => {
  it("creates the application through LinkedIn and stores its secret encrypted; a repeated uniqueForeignId fails with a clear message", async () => {
    const foreignId = `prov-${randomUUID()}`;
    const c = await createCustomer(actor, { displayName: "Initech", foreignId, offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"] });
    const { jobId } = await requestProvisioning(actor, c.id);
    expect(await runAttempt(jobId)).toBeNull();
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "SUCCEEDED", totalCount: 1, succeededCount: 1 });
    const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
    expect(app.origin).toBe("PROVISIONED");
    const secret = decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
    expect(secret.length).toBeGreaterThan(8);
    expect(app.clientSecretHint).toBe(secret.slice(-4));
    expect(await db.auditLog.count({ where: { targetId: c.id, action: { in: ["customer.provisioning_requested", "customer.application_provisioned"] } } })).toBe(2);

    // LinkedIn already holds an application for this uniqueForeignId (the keys were lost here).
    await db.customerApplication.delete({ where: { customerId: c.id } });
    const again = await requestProvisioning(actor, c.id);
    // The first attempt already ends the job: a conflict stays a conflict, so it is not retried
    // (the worker completes the queue job instead of throwing for a retry).
    expect(await runAttempt(again.jobId)).toBeNull();
    const failed = await db.job.findUniqueOrThrow({ where: { id: again.jobId } });
    expect(failed.status).toBe("FAILED");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/LinkedIn already has an application for this customer .*Enter that application's existing API key and secret by hand/);
  });

  it("is refused at once when the customer already has keys", async () => {
    const c = await createCustomer(actor, { displayName: "Hooli", foreignId: `prov-${randomUUID()}`, offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_CONTRACT"] });
    await db.customerApplication.create({ data: { customerId: c.id, clientId: `cid-${randomUUID()}`, clientSecretEnc: "x", clientSecretHint: "abcd", origin: "MANUAL" } });
    await expect(requestProvisioning(actor, c.id)).rejects.toThrow(/already has a LinkedIn application/);
  });
});
