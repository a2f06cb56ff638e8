// The last active operator can not be disabled, even when two operators disable each other at the same moment
// (issue 11 item 6): setUserDisabled serialises on an advisory lock. This file runs on a database of its own, because
// "exactly two active operators" is a state of the whole database that other files' operators would change.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { setUserDisabled } from "./users";

let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url, log: () => {} });
  await disconnectDb();
  setTestEnv({ DATABASE_URL: scratch.url });
});
afterAll(async () => {
  await disconnectDb();
  await scratch?.drop();
});

async function operator(): Promise<Actor> {
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  return { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
}

describe("the last active operator", () => {
  it("two operators disabling each other at once leave one of them active, every time", async () => {
    // Rounds, because an unserialised check passes or fails on the interleaving; each round starts from exactly
    // two active operators.
    for (let round = 0; round < 15; round++) {
      await db.user.updateMany({ where: { role: "OPERATOR", disabledAt: null }, data: { disabledAt: new Date() } });
      const a = await operator();
      const b = await operator();
      const results = await Promise.allSettled([
        setUserDisabled(a, b.userId, true),
        setUserDisabled(b, a.userId, true),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(String(refused?.status === "rejected" ? refused.reason : "")).toMatch(/last active operator|disabled/);
      expect(await db.user.count({ where: { role: "OPERATOR", disabledAt: null } }), `round ${round}`).toBe(1);
    }
  });

  it("an operator disabled while their own request waited can disable nobody", async () => {
    await db.user.updateMany({ where: { role: "OPERATOR", disabledAt: null }, data: { disabledAt: new Date() } });
    const a = await operator();
    const b = await operator();
    const c = await operator();
    await setUserDisabled(a, b.userId, true);
    // b's request passed the guard before b was disabled.
    await expect(setUserDisabled(b, c.userId, true)).rejects.toThrow(/Your account has been disabled/);
    expect(await db.user.count({ where: { role: "OPERATOR", disabledAt: null } })).toBe(2);
  });
});
