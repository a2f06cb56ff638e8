// Operator-edited settings (issue #6): configuration keys per integration type (C15) and the stuck
// threshold the issues view reads, each change audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { SafeError } from "@/lib/errors/safe-error";
import {
  createConfigurationKey,
  deleteConfigurationKey,
  listConfigurationKeys,
  updateConfigurationKey,
} from "./configuration-keys";
import { operatorSettings, updateOperatorSetting } from "./operator-settings";
import { keysFor, requirementsByType } from "@/lib/integrations/config-plan";
import { configurationKeySchema } from "./schemas";

let actor: Actor;
beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  actor = { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
});
afterAll(disconnectDb);

describe("configuration keys (C15)", () => {
  it("adds, edits and removes a key; duplicates are a field error; the callback URL key can not be removed (C16)", async () => {
    const key = `k${randomUUID().slice(0, 8)}`;
    const input = configurationKeySchema.parse({
      integrationType: "APPLY_CONNECT",
      key,
      label: "Label",
      valueSource: "DEFAULT",
      defaultValue: "on",
      customerEditable: "on",
    });
    expect(input.customerEditable).toBe(true);
    const { id } = await createConfigurationKey(actor, input);
    const dup = await createConfigurationKey(actor, input).catch((e: unknown) => e as SafeError);
    expect((dup as SafeError).fieldErrors?.key).toBeDefined();
    await updateConfigurationKey(actor, id, { ...input, label: "New label", customerEditable: false });
    expect((await listConfigurationKeys()).find((k) => k.id === id)).toMatchObject({
      label: "New label",
      customerEditable: false,
    });
    await deleteConfigurationKey(actor, id);
    expect((await listConfigurationKeys()).some((k) => k.id === id)).toBe(false);
    const actions = (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["configuration_key.created", "configuration_key.updated", "configuration_key.deleted"]);

    const cb = await createConfigurationKey(
      actor,
      configurationKeySchema.parse({
        integrationType: "ONE_CLICK_EXPORT",
        key: `cb${randomUUID().slice(0, 6)}`,
        label: "Callback",
        valueSource: "CALLBACK_URL",
      }),
    );
    await expect(deleteConfigurationKey(actor, cb.id)).rejects.toThrow(
      /can not be removed: LinkedIn sends no notifications/,
    );
  });

  it("L12, L14, RSC-104: a key on a type Onramp does not know yet, typed free, sent only to customers without ACLs", async () => {
    const type = `crm_t${randomUUID().slice(0, 8).replace(/-/g, "")}`; // typed in lower case: stored as LinkedIn spells it
    const form = {
      integrationType: type,
      key: "CANDIDATE_VIEWERS",
      label: "Who sees candidates",
      valueSource: "DEFAULT",
      defaultValue: "ALL_PRODUCT_USERS",
      onlyWithoutAccessControls: "on",
    };
    const input = configurationKeySchema.parse(form);
    expect(input).toMatchObject({ integrationType: type.toUpperCase(), onlyWithoutAccessControls: true });
    const { id } = await createConfigurationKey(actor, input);
    expect((await listConfigurationKeys()).find((k) => k.id === id)).toMatchObject({
      integrationType: type.toUpperCase(),
      onlyWithoutAccessControls: true,
    });
    const reqs = (await requirementsByType()).get(type.toUpperCase()) ?? [];
    expect(keysFor(reqs, false).map((k) => k.key)).toEqual(["CANDIDATE_VIEWERS"]);
    expect(keysFor(reqs, true)).toEqual([]);
    // Unticked on edit: the key goes to every customer again.
    await updateConfigurationKey(
      actor,
      id,
      configurationKeySchema.parse({ ...form, onlyWithoutAccessControls: undefined }),
    );
    expect((await listConfigurationKeys()).find((k) => k.id === id)?.onlyWithoutAccessControls).toBe(false);
    await deleteConfigurationKey(actor, id);
    expect(
      configurationKeySchema.safeParse({ ...form, integrationType: "CRM TYPE" }).error?.issues[0]?.message,
    ).toMatch(/as LinkedIn spells it/);
  });

  it("a DEFAULT key needs its default value", () => {
    const r = configurationKeySchema.safeParse({
      integrationType: "APPLY_CONNECT",
      key: "x",
      label: "x",
      valueSource: "DEFAULT",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["defaultValue"]);
  });
});

describe("operator settings", () => {
  // The successful write is covered by e2e/operator.spec.ts: the stuckAfterHours row is shared by every
  // test file of this run (lib/support tests write it too), so it is only read here.
  it("refuses an invalid stuck threshold without writing, and falls back to STUCK_AFTER_HOURS", async () => {
    const before = await db.setting.findUnique({ where: { key: "stuckAfterHours" } });
    const e = await updateOperatorSetting(actor, "stuckAfterHours", "0").catch((err: unknown) => err as SafeError);
    expect((e as SafeError).fieldErrors?.value?.[0]).toMatch(/At least 1/);
    expect(
      await updateOperatorSetting(actor, "stuckAfterHours", "1.5").catch((err: unknown) => (err as SafeError).code),
    ).toBe("unprocessable");
    expect(await db.setting.findUnique({ where: { key: "stuckAfterHours" } })).toEqual(before);
    const current = (await operatorSettings()).find((s) => s.key === "stuckAfterHours");
    expect(current?.defaultValue).toBe(env().STUCK_AFTER_HOURS);
  });
});
