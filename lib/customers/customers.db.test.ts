// Customers as operators manage them (issue #6): paged search in the database, edits and archive
// audited, keys replaced only when LinkedIn accepts them (C1, C3), callback key rotation (C21, C16).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { type SandboxHandle, startSandbox } from "@/sandbox/server";
import { registerSandboxKeys } from "@/sandbox/test-support/applications";
import { setApplicationKeys } from "./application-keys";
import { rotateCallbackKey } from "./callback-key";
import { customerFormSchema } from "./form-schemas";
import { createCustomer, updateCustomer } from "./mutations";
import { findCustomer, listCustomers } from "./queries";

let sandbox: SandboxHandle;
let actor: Actor;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, { LINKEDIN_MAX_ATTEMPTS: "1" });
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  actor = { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

const input = (name: string) =>
  customerFormSchema.parse({
    displayName: name,
    foreignId: `f-${randomUUID()}`,
    offeredIntegrationTypes: "RECRUITER_SYSTEM_CONNECT_CONTRACT",
  });

describe("customer list", () => {
  it("searches by name, customer id or API key and pages in the database, sorted by name", async () => {
    const tag = randomUUID().slice(0, 8);
    for (const n of ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]) await createCustomer(actor, input(`${tag} ${n}`));
    const p1 = await listCustomers({ search: tag, pageSize: 2, page: 1 });
    const p3 = await listCustomers({ search: tag, pageSize: 2, page: 3 });
    expect(p1).toMatchObject({ total: 5, pageCount: 3 });
    expect(p1.rows.map((c) => c.displayName)).toEqual([`${tag} Alpha`, `${tag} Bravo`]);
    expect(p3.rows.map((c) => c.displayName)).toEqual([`${tag} Echo`]);
    const one = p1.rows[0]!;
    expect((await listCustomers({ search: one.foreignId.toUpperCase() })).rows.map((c) => c.id)).toEqual([one.id]);
  });

  it("the form schema requires an RSC type (C6) and normalises the checkboxes", () => {
    const r = customerFormSchema.safeParse({
      displayName: "x",
      foreignId: "x",
      offeredIntegrationTypes: ["APPLY_CONNECT"],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Recruiter System Connect/);
    expect(customerFormSchema.safeParse({ displayName: "x", foreignId: "x" }).success).toBe(false);
    expect(
      customerFormSchema.parse({
        displayName: " x ",
        foreignId: "x",
        offeredIntegrationTypes: ["APPLY_CONNECT", "RECRUITER_SYSTEM_CONNECT_COMPANY"],
      }),
    ).toEqual({
      displayName: "x",
      foreignId: "x",
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY", "APPLY_CONNECT"],
    });
  });
});

describe("editing and archiving", () => {
  it("records what changed; a taken foreignId is a field error; archive leaves the default list", async () => {
    const a = await createCustomer(actor, input("Edit A"));
    const b = await createCustomer(actor, input("Edit B"));
    const bRow = await db.customer.findUniqueOrThrow({ where: { id: b.id } });
    const e = await updateCustomer(actor, a.id, { foreignId: bRow.foreignId }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SafeError);
    expect((e as SafeError).fieldErrors?.foreignId).toBeDefined();

    expect(
      await updateCustomer(actor, a.id, {
        displayName: "Edit A2",
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      }),
    ).toEqual({
      changed: ["displayName", "offeredIntegrationTypes"],
    });
    expect(await updateCustomer(actor, a.id, { displayName: "Edit A2" })).toEqual({ changed: [] });
    await updateCustomer(actor, a.id, { archived: true });
    expect((await listCustomers({ search: "Edit A2" })).total).toBe(0);
    expect((await listCustomers({ search: "Edit A2", archived: "archived" })).total).toBe(1);
    const actions = (await db.auditLog.findMany({ where: { targetId: a.id }, orderBy: { createdAt: "asc" } })).map(
      (x) => x.action,
    );
    expect(actions).toEqual(["customer.created", "customer.updated", "customer.archived"]);
  });
});

describe("application keys (C1, C3)", () => {
  it("replacing keys re-checks them: refused keys change nothing; accepted keys replace the old pair and drop its token", async () => {
    const c = await createCustomer(actor, input("Keys"));
    const first = { clientId: `k-${randomUUID()}`, clientSecret: `s-${randomUUID()}` };
    const second = { clientId: `k-${randomUUID()}`, clientSecret: `s-${randomUUID()}` };
    await registerSandboxKeys(sandbox.url, first.clientId, first.clientSecret);
    await registerSandboxKeys(sandbox.url, second.clientId, second.clientSecret);
    await setApplicationKeys(actor, c.id, first);
    await db.customerApplication.update({
      where: { customerId: c.id },
      data: { accessTokenEnc: "old-token", accessTokenExpiresAt: new Date(Date.now() + 3600_000) },
    });

    const refused = await setApplicationKeys(actor, c.id, { clientId: second.clientId, clientSecret: "nope" }).catch(
      (e: unknown) => e as SafeError,
    );
    expect(refused).toBeInstanceOf(SafeError);
    expect((refused as SafeError).code).toBe("unprocessable");
    expect((await findCustomer(c.id))?.application?.clientId).toBe(first.clientId);

    const ok = await setApplicationKeys(actor, c.id, second);
    expect(ok.works).toBe(true);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { customerId: c.id } });
    expect(row).toMatchObject({
      clientId: second.clientId,
      clientSecretHint: second.clientSecret.slice(-4),
      accessTokenEnc: null,
      lastAuthError: null,
    });
    expect(row.lastVerifiedAt).not.toBeNull();
    const audits = await db.auditLog.findMany({
      where: { targetId: c.id, action: { startsWith: "customer.application_keys" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "customer.application_keys_set",
      "customer.application_keys_refused",
      "customer.application_keys_replaced",
    ]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(second.clientSecret);
  });
});

describe("callback key rotation (C21, C16)", () => {
  it("gives a new URL, audits without the key, and queues a configuration re-sync when there are integrations", async () => {
    const c = await createCustomer(actor, input("Rotate"));
    const before = (await findCustomer(c.id))!.callbackUrl;
    const none = await rotateCallbackKey(actor, c.id);
    expect(none.syncJobId).toBeNull();
    expect(none.callbackUrl).not.toBe(before);
    expect((await findCustomer(c.id))!.callbackUrl).toBe(none.callbackUrl);

    await db.integration.create({
      data: {
        customerId: c.id,
        integrationContext: "urn:li:organization:1",
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
        name: "n",
      },
    });
    const withSync = await rotateCallbackKey(actor, c.id);
    expect(withSync.syncJobId).not.toBeNull();
    const job = await db.job.findUniqueOrThrow({ where: { id: withSync.syncJobId! } });
    expect(job).toMatchObject({
      kind: "SYNC_CONFIGURATIONS",
      customerId: c.id,
      payload: { customerId: c.id },
      triggeredBy: actor.userId,
    });
    const audits = await db.auditLog.findMany({ where: { targetId: c.id, action: "customer.callback_key_rotated" } });
    expect(audits).toHaveLength(2);
    const key = (await db.customer.findUniqueOrThrow({ where: { id: c.id } })).callbackKey;
    expect(JSON.stringify(audits)).not.toContain(key);
    await expect(rotateCallbackKey(actor, "missing")).rejects.toThrow(/No such customer/);
  });
});
