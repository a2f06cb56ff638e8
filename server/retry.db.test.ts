// Issue 20, point 4: a retry is bound by the job permissions table (lib/jobs/permissions.ts). Support re-runs syncs
// and notifications, not an operator's work: rolling secrets, importing keys, changing every application's domains.
// The operator's retry goes through the kind's own start (for an import: only the rows still to check).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import type { JobKind } from "@/lib/db/enums";
import { stopBoss } from "@/lib/jobs/boss";
import { retryFailedJob } from "./retry";

afterAll(async () => {
  await stopBoss();
  await disconnectDb();
});

async function person(role: "SUPPORT" | "OPERATOR"): Promise<Actor> {
  const u = await db.user.create({ data: { email: `retry-${role}-${randomUUID()}@onramp.test`, role } });
  return { userId: u.id, email: u.email, role, customerId: null };
}

/** A finished import: every row has its outcome. */
async function settledImport(): Promise<string> {
  const keyImport = await db.keyImport.create({ data: { rowCount: 1, triggeredBy: "retry test" } });
  await db.keyImportRow.create({
    data: { importId: keyImport.id, line: 1, status: "REFUSED", reason: "Bad row.", processedAt: new Date() },
  });
  return keyImport.id;
}

const failedJob = (kind: JobKind, payload: object) => db.job.create({ data: { kind, status: "FAILED", payload } });

describe("retrying operator-only jobs", () => {
  it.each([
    ["ROTATE_SECRETS", /Only an operator can retry a bulk secret rotation job/],
    ["IMPORT_APPLICATION_KEYS", /Only an operator can retry a key import job/],
    ["SYNC_APP_DOMAINS", /Only an operator can retry a JavaScript SDK domains sync job/],
  ] as const)("support's retry of %s is refused and queues nothing", async (kind, refusal) => {
    const support = await person("SUPPORT");
    const payload =
      kind === "ROTATE_SECRETS"
        ? { olderThanDays: 90, setBefore: "2000-01-01T00:00:00.000Z" }
        : kind === "IMPORT_APPLICATION_KEYS"
          ? { importId: await settledImport() }
          : {};
    const job = await failedJob(kind, payload);
    await expect(retryFailedJob(job.id, support)).rejects.toThrow(refusal);
    expect(await db.job.count({ where: { kind, triggeredBy: support.userId } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "job.retried", targetId: job.id } })).toBe(0);
  });

  it("an operator's retry of an import goes through the import's own start: nothing left to check, nothing queued", async () => {
    const operator = await person("OPERATOR");
    const job = await failedJob("IMPORT_APPLICATION_KEYS", { importId: await settledImport() });
    await expect(retryFailedJob(job.id, operator)).rejects.toThrow(/nothing to check again/);
    expect(await db.job.count({ where: { kind: "IMPORT_APPLICATION_KEYS", triggeredBy: operator.userId } })).toBe(0);
  });
});
