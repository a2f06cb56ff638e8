// Issue 20 item 7, L7: the roll in flight recorded before LinkedIn is asked. When the database refuses to store LinkedIn's
// answer, support sees that LinkedIn may hold a secret Onramp does not; a second rotation never races one under way; a
// stored answer LinkedIn no longer accepts (deleted in its developer portal) is dropped while the current secret works.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { customerAppSecretContext } from "@/lib/linkedin";
import { overdueSecretRolls } from "@/lib/support/secret-rolls";
import { tablesHoldingPlainText } from "@/test/plain-text";
import { createCustomer } from "./mutations";
import { provisionCustomerApplication } from "./provisioning";
import { storeRolledSecret, sweepSecretRolls, UNANSWERED_ROLL_WINDOW_MS } from "./secret-roll";
import { rotateCustomerSecret } from "./secret-rotation";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const stack = parentSandboxPerFile();

async function provisioned(name: string) {
  const c = await createCustomer(stack.actor, {
    displayName: `${name} ${randomUUID().slice(0, 6)}`,
    foreignId: `roll-${randomUUID()}`,
    offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
  });
  await provisionCustomerApplication(c.id);
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
  return { customerId: c.id, appId: app.id, clientId: app.clientId };
}

async function onrampSecret(appId: string): Promise<string> {
  const app = await db.customerApplication.findUniqueOrThrow({ where: { id: appId } });
  return decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
}

function rollCalls(): number {
  return stack.sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length;
}

async function sandboxFault(fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(res.ok).toBe(true);
}

/** Makes PostgreSQL refuse any write of a rolled secret to this one row, as a database going away would. */
async function refusePendingWrites<T>(appId: string, body: () => Promise<T>): Promise<T> {
  const name = `onramp_test_refuse_${randomUUID().replace(/-/g, "")}`;
  await db.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the database went away'; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE UPDATE ON "CustomerApplication" FOR EACH ROW
     WHEN (NEW."id" = '${appId.replace(/'/g, "''")}' AND NEW."pendingSecretEnc" IS NOT NULL) EXECUTE FUNCTION ${name}()`,
  );
  try {
    return await body();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "CustomerApplication"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  }
}

describe("a secret roll in flight (L7, issue 20 item 7)", () => {
  it("when the database refuses LinkedIn's answer, support sees that LinkedIn may hold a secret Onramp does not", async () => {
    const c = await provisioned("Store refused");
    const old = await onrampSecret(c.appId);
    const err = await refusePendingWrites(c.appId, () => rotateCustomerSecret(stack.actor, c.customerId)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const message = err instanceof Error ? err.message : "";
    expect(message).toMatch(/LinkedIn rolled a new secret, but Onramp could not store it/);
    const rolled = stack.sandbox.state.customerApplication(c.clientId)?.clientSecret ?? "";
    expect(rolled).not.toBe(old);
    expect(message).not.toContain(rolled);
    expect(await tablesHoldingPlainText(rolled)).toEqual([]);
    // Nothing lost silently: the roll recorded before the call is there, and support is told once it is overdue.
    expect(await onrampSecret(c.appId)).toBe(old);
    const later = new Date(Date.now() + UNANSWERED_ROLL_WINDOW_MS + 1000);
    const row = (await overdueSecretRolls(1, later, 10_000)).rows.find((r) => r.customerId === c.customerId);
    expect(row?.state.kind).toBe("lost");
    expect(row?.state.summary).toMatch(/LinkedIn may hold a secret Onramp does not have/);
  });

  it("a second rotation while one waits for LinkedIn is refused before LinkedIn is asked", async () => {
    const c = await provisioned("Second click");
    await db.customerApplication.update({ where: { id: c.appId }, data: { secretRollStartedAt: new Date() } });
    const before = rollCalls();
    await expect(rotateCustomerSecret(stack.actor, c.customerId)).rejects.toThrow(/waiting for LinkedIn's answer/);
    expect(rollCalls()).toBe(before);
  });

  it("LinkedIn refusing the roll takes the in-flight mark back: nothing for support", async () => {
    const c = await provisioned("Refused roll");
    await sandboxFault({ endpoint: "secret_roll", status: 401, count: 2 });
    await expect(rotateCustomerSecret(stack.actor, c.customerId)).rejects.toThrow(/stored secret was not changed/);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: c.appId } });
    expect(row.secretRollStartedAt).toBeNull();
  });

  it("LinkedIn rolled but its answer never arrived: the mark stays, and support sees it once overdue", async () => {
    const c = await provisioned("Lost answer");
    await sandboxFault({ endpoint: "secret_roll", status: 504, count: 1, afterHandling: true });
    await expect(rotateCustomerSecret(stack.actor, c.customerId)).rejects.toThrow(
      /not answering.*may have rolled a new secret without Onramp receiving it/,
    );
    const later = new Date(Date.now() + UNANSWERED_ROLL_WINDOW_MS + 1000);
    const row = (await overdueSecretRolls(1, later, 10_000)).rows.find((r) => r.customerId === c.customerId);
    expect(row?.state.kind).toBe("lost");
  });

  it("a stored answer LinkedIn no longer accepts is dropped while the current secret still works", async () => {
    const c = await provisioned("Dropped answer");
    const old = await onrampSecret(c.appId);
    const startedAt = new Date(Date.now() - 120_000);
    await db.customerApplication.update({ where: { id: c.appId }, data: { secretRollStartedAt: startedAt } });
    await storeRolledSecret(c.appId, `never-at-linkedin-${randomUUID()}`, startedAt, startedAt);
    expect(await sweepSecretRolls(new Date(), { customerId: c.customerId })).toMatchObject({ dropped: 1 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: c.appId } });
    expect(row).toMatchObject({ secretRollStartedAt: null, pendingSecretEnc: null, secretRollAnsweredAt: null });
    expect(await onrampSecret(c.appId)).toBe(old);
    expect(
      await db.auditLog.count({ where: { targetId: c.customerId, action: "customer.secret_rotation_dropped" } }),
    ).toBe(1);
  });
});
