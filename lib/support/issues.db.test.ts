// The issues view's reads (issue #6): stuck integrations and their threshold, failed jobs, refused keys,
// on real Postgres, over the rows of test-support/support-rows.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { failedJobs, keyFailures, stuckAfterHours, stuckIntegrations, STUCK_SETTING_KEY } from "./issues";
import { P, now, ids, useSupportRows } from "./test-support/support-rows";

useSupportRows();

describe("issues (issue #6)", () => {
  it("an integration REQUESTED/PARTNER_READY longer than the threshold is stuck; ENABLED never is", async () => {
    const mine = async (hours: number) =>
      (await stuckIntegrations(hours, 1, now, 10_000)).rows
        .filter((r) => r.customerName.startsWith(P))
        .map((r) => r.onboardingStatus);
    expect(await mine(72)).toEqual(["REQUESTED"]);
    expect(await mine(5)).toEqual(["REQUESTED", "PARTNER_READY"]);
    expect(await mine(500)).toEqual([]);
  });

  it("the threshold is the stuckAfterHours setting when present, else STUCK_AFTER_HOURS", async () => {
    await db.setting.deleteMany({ where: { key: STUCK_SETTING_KEY } });
    expect(await stuckAfterHours()).toBe(env().STUCK_AFTER_HOURS);
    await db.setting.create({ data: { key: STUCK_SETTING_KEY, value: 12 } });
    expect(await stuckAfterHours()).toBe(12);
    await db.setting.update({ where: { key: STUCK_SETTING_KEY }, data: { value: { hours: 30 } } });
    expect(await stuckAfterHours()).toBe(30);
    await db.setting.update({ where: { key: STUCK_SETTING_KEY }, data: { value: "nonsense" } });
    expect(await stuckAfterHours()).toBe(env().STUCK_AFTER_HOURS);
    await db.setting.delete({ where: { key: STUCK_SETTING_KEY } });
  });

  it("failed jobs leave the list once retried; refused keys are listed", async () => {
    const [open, retried] = await Promise.all(
      ["open", "retried"].map((k) =>
        db.job.create({
          data: {
            kind: "SYNC_NAMES",
            status: "FAILED",
            customerId: ids["e-errors"],
            attempts: 5,
            lastError: `${P} ${k}`,
          },
        }),
      ),
    );
    await db.auditLog.create({
      data: { actorLabel: "test", action: "job.retried", targetType: "Job", targetId: retried!.id },
    });
    const listed = (await failedJobs(1, 10_000)).rows.map((j) => j.id);
    expect(listed).toContain(open!.id);
    expect(listed).not.toContain(retried!.id);
    const keys = (await keyFailures(1, 10_000)).rows.filter((k) => k.customerName.startsWith(P));
    expect(keys.map((k) => k.customerId)).toEqual([ids["f-keys"]]);
  });
});
