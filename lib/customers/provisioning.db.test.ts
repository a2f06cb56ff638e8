// Provisioning as a tracked job (C1, C28, L3–L7): the registered handler stores LinkedIn's URN, domains and keys
// (encrypted); a lost answer, a 409 or a worker killed between LinkedIn's answer and the commit ends with working
// keys and exactly one application in the sandbox; LinkedIn's refusal lands on the job row in words to act on.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { jobHandlers } from "@/server/jobs";
import { runOne } from "@/lib/jobs/run";
import { processEnvSnapshot } from "@/lib/env";
import { customerAppSecretContext, verifyApplicationCredentials } from "@/lib/linkedin";
import { eventually } from "@/test/eventually";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";
import { createCustomer } from "./mutations";
import { requestProvisioning } from "./provisioning";

const parent = parentSandboxPerFile({ PUBLIC_URL: "https://onramp.example.com" });

/** One attempt of the tracked job, as pg-boss would hand it to the worker (by default the first of five). */
async function runAttempt(trackedJobId: string, retryLimit = 4): Promise<unknown> {
  const handler = jobHandlers().PROVISION_APPLICATION;
  expect(handler, "PROVISION_APPLICATION is registered").toBeDefined();
  return runOne(handler!, { data: { trackedJobId }, retryCount: 0, retryLimit }).then(
    () => null,
    (e: unknown) => e,
  );
}

async function sandboxAdmin(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${parent.sandbox.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** The sandbox's applications for one uniqueForeignId: the proof of "never a second application". */
function applicationsInSandbox(foreignId: string) {
  return [...parent.sandbox.state.applications.values()].filter((a) => a.uniqueForeignId === foreignId);
}

async function newCustomer(name: string) {
  const foreignId = `prov-${randomUUID()}`;
  const c = await createCustomer(parent.actor, {
    displayName: name,
    foreignId,
    offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
  });
  return { ...c, foreignId };
}

/** The stored keys work with LinkedIn, and they are the sandbox's one application for the customer. */
async function expectWorkingKeys(customerId: string, foreignId: string) {
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId } });
  const secret = decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
  expect(await verifyApplicationCredentials(app.clientId, secret)).toEqual({ ok: true });
  const inSandbox = applicationsInSandbox(foreignId);
  expect(inSandbox).toHaveLength(1);
  expect(inSandbox[0]).toMatchObject({ clientId: app.clientId, urn: app.applicationUrn });
  return app;
}

async function auditPath(customerId: string) {
  const entry = await db.auditLog.findFirstOrThrow({
    where: { targetId: customerId, action: "customer.application_provisioned" },
  });
  return (entry.details as { path?: string }).path;
}

/** The customer's application is provisioned, then its keys are lost on Onramp's side: LinkedIn still holds it. */
async function provisionedThenForgotten(customerId: string): Promise<void> {
  const first = await requestProvisioning(parent.actor, customerId);
  expect(await runAttempt(first.jobId)).toBeNull();
  await db.customerApplication.delete({ where: { customerId } });
}

describe("PROVISION_APPLICATION job (C1, L3–L7)", () => {
  it("creates the application with validJsSdkDomains and stores its URN, domains and secret (encrypted)", async () => {
    const c = await newCustomer("Initech");
    const { jobId } = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(jobId)).toBeNull();
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "SUCCEEDED", totalCount: 1, succeededCount: 1 });
    expect(job.outcome).toMatch(/^LinkedIn created the application/);
    const app = await expectWorkingKeys(c.id, c.foreignId);
    expect(app.origin).toBe("PROVISIONED");
    expect(app.applicationUrn).toMatch(/^urn:li:developerApplication:\d+$/);
    expect(app.jsSdkDomains).toEqual(["https://onramp.example.com"]);
    expect(applicationsInSandbox(c.foreignId)[0]?.validJsSdkDomains).toEqual(["https://onramp.example.com"]);
    // Not configured: oauth2AuthorizedCallbackUrls is left out (L3).
    expect(applicationsInSandbox(c.foreignId)[0]?.oauth2AuthorizedCallbackUrls).toEqual([]);
    const secret = decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
    expect(app.clientSecretHint).toBe(secret.slice(-4));
    expect(JSON.stringify(job)).not.toContain(secret);
    expect(await auditPath(c.id)).toBe("created");
    expect(
      await db.auditLog.count({
        where: {
          targetId: c.id,
          action: { in: ["customer.provisioning_requested", "customer.application_provisioned"] },
        },
      }),
    ).toBe(2);
  });

  it("the create's answer is lost after LinkedIn created the application: look-up and secret roll (L5, L7)", async () => {
    const c = await newCustomer("Lost Answer Inc");
    await sandboxAdmin("/_sandbox/faults", { endpoint: "provisioning", status: 504, count: 1, afterHandling: true });
    const { jobId } = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(jobId)).toBeNull();
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "SUCCEEDED" });
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).outcome).toMatch(/answer to the create was lost/);
    await expectWorkingKeys(c.id, c.foreignId);
    expect(await auditPath(c.id)).toBe("recovered_after_lost_answer");
  });

  it("a lost answer when LinkedIn created nothing is retried, and the next attempt creates it", async () => {
    const c = await newCustomer("Nothing Made Ltd");
    await sandboxAdmin("/_sandbox/faults", { endpoint: "provisioning", status: 503, count: 1 });
    const { jobId } = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(jobId)).toBeInstanceOf(Error);
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "RETRYING" });
    expect(applicationsInSandbox(c.foreignId)).toHaveLength(0);
    expect(await runAttempt(jobId)).toBeNull();
    await expectWorkingKeys(c.id, c.foreignId);
    expect(await auditPath(c.id)).toBe("created");
  });

  it("a 409 for an existing uniqueForeignId recovers that application instead of failing (L5, L7)", async () => {
    const c = await newCustomer("Conflict Co");
    await provisionedThenForgotten(c.id);
    const again = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(again.jobId)).toBeNull();
    const job = await db.job.findUniqueOrThrow({ where: { id: again.jobId } });
    expect(job.status).toBe("SUCCEEDED");
    expect(job.outcome).toMatch(/already held this customer's application/);
    await expectWorkingKeys(c.id, c.foreignId);
    const paths = await db.auditLog.findMany({
      where: { targetId: c.id, action: "customer.application_provisioned" },
      orderBy: { createdAt: "asc" },
    });
    expect(paths.map((p) => (p.details as { path: string }).path)).toEqual(["created", "recovered_after_conflict"]);
  });

  it("when LinkedIn refuses the roll (two secrets) the job fails at once saying what a person must do", async () => {
    const c = await newCustomer("Two Secrets AG");
    await provisionedThenForgotten(c.id);
    const recovered = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(recovered.jobId)).toBeNull(); // rolls: the application now holds two secrets
    await db.customerApplication.delete({ where: { customerId: c.id } });
    const refused = await requestProvisioning(parent.actor, c.id);
    expect(await runAttempt(refused.jobId)).toBeNull();
    const job = await db.job.findUniqueOrThrow({ where: { id: refused.jobId } });
    expect(job).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(job.lastError).toMatch(/refused a new secret.*delete its older secret.*Enter keys by hand/);
    expect(applicationsInSandbox(c.foreignId)).toHaveLength(1);
  });

  it("a worker SIGKILLed after LinkedIn created the application, before the commit: the retry ends with working keys", async () => {
    const c = await newCustomer("Killed Worker GmbH");
    const { jobId } = await requestProvisioning(parent.actor, c.id);
    // LinkedIn creates the application and holds its answer back: the process dies before it can store anything.
    await sandboxAdmin("/_sandbox/faults", {
      endpoint: "provisioning",
      status: 504,
      count: 1,
      afterHandling: true,
      latencyMs: 20_000,
    });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "lib/customers/test-support/provision-process.ts", c.id],
      {
        env: { ...processEnvSnapshot(), TSX_TSCONFIG_PATH: "lib/integrations/test-support/tsconfig.worker.json" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    try {
      await eventually("LinkedIn created the application", async () => {
        if (child.exitCode !== null) throw new Error(`the provisioning process ended early: ${stderr}`);
        return applicationsInSandbox(c.foreignId).length === 1;
      });
    } finally {
      child.kill("SIGKILL");
    }
    expect(await exited).toBe("SIGKILL");
    expect(await db.customerApplication.findUnique({ where: { customerId: c.id } })).toBeNull();
    // pg-boss retries the job (the dead worker's lease expires): the next attempt meets LinkedIn's 409.
    expect(await runAttempt(jobId)).toBeNull();
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "SUCCEEDED" });
    await expectWorkingKeys(c.id, c.foreignId);
    expect(await auditPath(c.id)).toBe("recovered_after_conflict");
  });

  it("is refused at once when the customer already has keys", async () => {
    const c = await createCustomer(parent.actor, {
      displayName: "Hooli",
      foreignId: `prov-${randomUUID()}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_CONTRACT"],
    });
    await db.customerApplication.create({
      data: {
        customerId: c.id,
        clientId: `cid-${randomUUID()}`,
        clientSecretEnc: "x",
        clientSecretHint: "abcd",
        origin: "MANUAL",
      },
    });
    await expect(requestProvisioning(parent.actor, c.id)).rejects.toThrow(/already has a LinkedIn application/);
  });
});
