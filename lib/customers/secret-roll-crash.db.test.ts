// Issue 20 item 7, L7: a rolled secret is never only in memory. A real process rotates a secret against the sandbox and is
// SIGKILLed between LinkedIn's answer and the commit: LinkedIn's new secret is found stored (encrypted) and the next
// rotation or the reconcile pass makes it current; killed before the answer could be stored, support sees that LinkedIn
// may hold a secret Onramp does not, and the steps it is given bring Onramp and LinkedIn back to the same secret.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { runReconcilePass } from "@/server/reconcile-pass";
import {
  customerAppPendingSecretContext,
  customerAppSecretContext,
  verifyApplicationCredentials,
} from "@/lib/linkedin";
import { customerSummary } from "@/lib/support/customer";
import { overdueSecretRolls, secretRollState } from "@/lib/support/secret-rolls";
import { tablesHoldingPlainText } from "@/test/plain-text";
import { createCustomer } from "./mutations";
import { provisionCustomerApplication } from "./provisioning";
import { UNANSWERED_ROLL_WINDOW_MS } from "./secret-roll";
import { rotateCustomerSecret } from "./secret-rotation";
import { rotateAndKillAt } from "./test-support/kill-rotation";
import { parentSandboxPerFile } from "./test-support/parent-sandbox";

const stack = parentSandboxPerFile();

async function provisioned(name: string) {
  const c = await createCustomer(stack.actor, {
    displayName: `${name} ${randomUUID().slice(0, 6)}`,
    foreignId: `roll-crash-${randomUUID()}`,
    offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
  });
  expect((await provisionCustomerApplication(c.id)).result).toBe("provisioned");
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
  return { customerId: c.id, appId: app.id, clientId: app.clientId, oldSecret: await onrampSecret(c.id) };
}

async function onrampSecret(customerId: string): Promise<string> {
  const app = await db.customerApplication.findUniqueOrThrow({ where: { customerId } });
  return decryptSecret(app.clientSecretEnc, customerAppSecretContext(app.id));
}

/** The secret LinkedIn (the sandbox) holds as the application's newest. */
function linkedInSecret(clientId: string): string {
  const app = stack.sandbox.state.customerApplication(clientId);
  if (!app) throw new Error(`the sandbox has no application ${clientId}`);
  return app.clientSecret;
}

async function rollState(customerId: string, now = new Date()) {
  const summary = await customerSummary(customerId);
  return summary?.application ? secretRollState(summary.application, now) : null;
}

async function expectSameSecretAsLinkedIn(customerId: string, clientId: string) {
  const secret = await onrampSecret(customerId);
  expect(secret).toBe(linkedInSecret(clientId));
  expect(await verifyApplicationCredentials(clientId, secret)).toEqual({ ok: true });
  expect(await rollState(customerId)).toBeNull();
}

describe("a process killed between LinkedIn's answer and the commit (L7, issue 20 item 7)", () => {
  it("finds LinkedIn's new secret stored encrypted; the reconcile pass makes it current", async () => {
    const c = await provisioned("Killed after answer");
    const { output } = await rotateAndKillAt(c.customerId, "stored");
    const rolled = linkedInSecret(c.clientId);
    expect(rolled).not.toBe(c.oldSecret);
    // Durable: the database holds LinkedIn's answer, only encrypted, bound to this row; the process never wrote it out.
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: c.appId } });
    expect(row.pendingSecretEnc).not.toBeNull();
    expect(decryptSecret(row.pendingSecretEnc ?? "", customerAppPendingSecretContext(c.appId))).toBe(rolled);
    expect(await tablesHoldingPlainText(rolled)).toEqual([]);
    expect(output).not.toContain(rolled);
    expect(await onrampSecret(c.customerId)).toBe(c.oldSecret);
    expect((await rollState(c.customerId))?.kind).toBe("settling");

    // The process died two minutes ago: the next reconcile pass settles what it left.
    await db.customerApplication.update({
      where: { id: c.appId },
      data: {
        secretRollStartedAt: new Date(Date.now() - 120_000),
        secretRollAnsweredAt: new Date(Date.now() - 120_000),
      },
    });
    const rollsBefore = stack.sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length;
    expect((await runReconcilePass({ customerId: c.customerId })).secretRolls).toMatchObject({ promoted: 1 });
    expect(stack.sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length).toBe(rollsBefore);
    await expectSameSecretAsLinkedIn(c.customerId, c.clientId);
    const after = await db.customerApplication.findUniqueOrThrow({ where: { id: c.appId } });
    expect(after.pendingSecretEnc).toBeNull();
    expect(after.previousSecretEnc).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: c.customerId, action: "customer.secret_rotated" },
    });
    expect(audit.details).toMatchObject({ recoveredAfterInterruption: true });
    expect(JSON.stringify(audit)).not.toContain(rolled);
  });

  it("the retried rotation (the bulk job's retry, the operator's second click) promotes the stored answer, no second roll", async () => {
    const c = await provisioned("Killed then retried");
    await rotateAndKillAt(c.customerId, "stored");
    const rollsBefore = stack.sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length;
    const result = await rotateCustomerSecret(stack.actor, c.customerId);
    expect(result.message).toMatch(/interrupted rotation had already rolled a new secret/);
    expect(stack.sandbox.state.calls.filter((x) => x.endpoint === "secret_roll").length).toBe(rollsBefore);
    await expectSameSecretAsLinkedIn(c.customerId, c.clientId);
  });

  it("killed before the answer could be stored: support sees LinkedIn may hold a secret Onramp does not, and the steps work", async () => {
    const c = await provisioned("Killed at answer");
    const { output } = await rotateAndKillAt(c.customerId, "answered");
    const lost = linkedInSecret(c.clientId);
    expect(lost).not.toBe(c.oldSecret);
    expect(output).not.toContain(lost);
    expect(await tablesHoldingPlainText(lost)).toEqual([]);
    // While LinkedIn may still be answering, it is "under way"; once the window has passed, it needs a person.
    expect((await rollState(c.customerId))?.kind).toBe("waiting");
    const later = new Date(Date.now() + UNANSWERED_ROLL_WINDOW_MS + 1000);
    const state = await rollState(c.customerId, later);
    expect(state).toMatchObject({ kind: "lost", overdue: true });
    expect(state?.summary).toMatch(/LinkedIn may hold a secret Onramp does not have/);
    expect(state?.steps).toMatch(/rotates the secret again.*developer portal.*delete the newer client secret/);
    const issues = await overdueSecretRolls(1, later, 10_000);
    expect(issues.rows.find((r) => r.customerId === c.customerId)?.state.kind).toBe("lost");
    expect(JSON.stringify(issues)).not.toContain(lost);
    // Nothing automatic can tell (the old secret works either way): the reconcile pass leaves it to support.
    expect((await runReconcilePass({ customerId: c.customerId })).secretRolls).toMatchObject({ promoted: 0 });

    // Step 1: rotate again. LinkedIn holds two secrets, so it refuses, and says which one to delete.
    await expect(rotateCustomerSecret(stack.actor, c.customerId, later)).rejects.toThrow(
      /delete the newer client secret/,
    );
    expect((await rollState(c.customerId, later))?.kind).toBe("lost");
    // Step 2: a person deletes the newer secret in LinkedIn's developer portal, then rotates again.
    const res = await fetch(`${stack.sandbox.url}/_sandbox/applications/secrets/delete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: c.clientId, which: "current" }),
    });
    expect(res.status).toBe(200);
    await rotateCustomerSecret(stack.actor, c.customerId, later);
    await expectSameSecretAsLinkedIn(c.customerId, c.clientId);
    expect((await overdueSecretRolls(1, later, 10_000)).rows.map((r) => r.customerId)).not.toContain(c.customerId);
  });
});
