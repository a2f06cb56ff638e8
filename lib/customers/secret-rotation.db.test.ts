// L7 secret rotation per customer: LinkedIn (the sandbox) rolls a second secret; Onramp stores it encrypted and
// accepts pushes signed with either secret until the previous one is retired; keys entered by hand get the
// steps for LinkedIn's developer portal; a second roll while two secrets exist is refused before calling.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { customerAppSecretContext, verifyApplicationCredentials } from "@/lib/linkedin";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import { receiveNotification } from "@/lib/notifications/receive";
import { signNotification } from "@/lib/notifications/signature";
import type { SandboxHandle } from "@/sandbox/server";
import { startParentSandbox } from "./test-support/parent-sandbox";
import { createCustomer } from "./mutations";
import { provisionCustomerApplication } from "./provisioning";
import { retirePreviousSecret, rotateCustomerSecret } from "./secret-rotation";

let sandbox: SandboxHandle;
let actor: Actor;

beforeAll(async () => {
  ({ sandbox, actor } = await startParentSandbox());
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

async function push(callbackKey: string, secret: string): Promise<number> {
  const body = JSON.stringify({ id: randomUUID(), type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
  const req = new Request(`http://onramp.test/api/linkedin/callback/${callbackKey}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-li-signature": signNotification(secret, body) },
  });
  return (await receiveNotification(req, callbackKey, () => undefined)).status;
}

async function storedSecret(customerId: string): Promise<string> {
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId } });
  return decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
}

describe("secret rotation (L7)", () => {
  it("rolls, stores the new secret, accepts pushes signed with the old one until it is retired", async () => {
    const c = await createCustomer(actor, {
      displayName: "Rotating Co",
      foreignId: `rot-${randomUUID()}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    });
    expect((await provisionCustomerApplication(c.id)).result).toBe("provisioned");
    const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: c.id }, select: { callbackKey: true } });
    const oldSecret = await storedSecret(c.id);
    const before = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });

    const result = await rotateCustomerSecret(actor, c.id, new Date(before.secretSetAt.getTime() + 1000));
    expect(result.rotated).toBe(true);
    const newSecret = await storedSecret(c.id);
    expect(newSecret).not.toBe(oldSecret);
    const after = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
    expect(after.secretSetAt.getTime()).toBeGreaterThan(before.secretSetAt.getTime());
    expect(after.clientSecretHint).toBe(newSecret.slice(-4));
    expect(after.previousSecretRetiresAt).not.toBeNull();
    // LinkedIn holds both, and both work.
    const inSandbox = [...sandbox.state.applications.values()].find((a) => a.clientId === after.clientId);
    expect(inSandbox).toMatchObject({ clientSecret: newSecret, previousSecret: oldSecret });
    expect(await verifyApplicationCredentials(after.clientId, newSecret)).toEqual({ ok: true });

    expect(await push(callbackKey, newSecret)).toBe(200);
    expect(await push(callbackKey, oldSecret)).toBe(200);
    expect(await push(callbackKey, "not-a-secret-of-this-app")).toBe(401);

    // Two secrets: a second roll is refused before LinkedIn is asked.
    const rollsBefore = sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length;
    await expect(rotateCustomerSecret(actor, c.id)).rejects.toThrow(/still holds two secrets.*developer portal/);
    expect(sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length).toBe(rollsBefore);

    await retirePreviousSecret(actor, c.id);
    expect(await push(callbackKey, oldSecret)).toBe(401);
    expect(await push(callbackKey, newSecret)).toBe(200);
    const audit = await db.auditLog.findMany({
      where: { targetId: c.id, action: { in: ["customer.secret_rotated", "customer.previous_secret_retired"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["customer.previous_secret_retired", "customer.secret_rotated"]);
    expect(JSON.stringify(audit)).not.toContain(newSecret);
    expect(JSON.stringify(audit)).not.toContain(oldSecret);
  });

  it("a previous secret past its overlap is no longer accepted", async () => {
    const c = await createCustomer(actor, {
      displayName: "Overlap Over",
      foreignId: `rot-${randomUUID()}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    });
    await provisionCustomerApplication(c.id);
    const { callbackKey } = await db.customer.findUniqueOrThrow({ where: { id: c.id }, select: { callbackKey: true } });
    const oldSecret = await storedSecret(c.id);
    await rotateCustomerSecret(actor, c.id);
    await db.customerApplication.update({
      where: { customerId: c.id },
      data: { previousSecretRetiresAt: new Date(Date.now() - 1000) },
    });
    expect(await push(callbackKey, oldSecret)).toBe(401);
  });

  it("keys entered by hand: the answer says how to rotate in LinkedIn's developer portal", async () => {
    const app = await createTestApplication();
    await expect(rotateCustomerSecret(actor, app.customerId)).rejects.toThrow(
      /developer portal.*generate a new client secret/,
    );
  });
});

describe("issues view: secrets older than the policy (L7)", () => {
  it("lists an application whose secret is older than N days, and not one rotated since", async () => {
    const { oldSecrets } = await import("@/lib/support/issues");
    const old = await createTestApplication();
    const fresh = await createTestApplication();
    const now = new Date();
    await db.customerApplication.update({
      where: { id: old.id },
      data: { secretSetAt: new Date(now.getTime() - 91 * 86_400_000) },
    });
    const ids = async () => {
      const all = await oldSecrets(90, 1, now, 10_000);
      return all.rows.map((r) => r.customerId);
    };
    expect(await ids()).toContain(old.customerId);
    expect(await ids()).not.toContain(fresh.customerId);
    const row = (await oldSecrets(90, 1, now, 10_000)).rows.find((r) => r.customerId === old.customerId);
    expect(JSON.stringify(row)).not.toContain(old.clientSecret);
  });
});
