// applyOnboardingStatus: forward only, idempotent, one history row per change even under concurrency.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import type { OnboardingStatus } from "@/lib/db/enums";
import { applyOnboardingStatus } from "./apply";

afterAll(async () => {
  await disconnectDb();
});

async function integration(status: OnboardingStatus = "REQUESTED") {
  const customer = await createCustomerRow("Apply test");
  return db.integration.create({
    data: {
      customerId: customer.id,
      integrationContext: `urn:li:organization:a${randomUUID().slice(0, 8)}`,
      integrationType: "ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
      name: "Apply test integration",
      onboardingStatus: status,
    },
  });
}

const history = (integrationId: string) =>
  db.integrationStatusChange.findMany({ where: { integrationId }, orderBy: { createdAt: "asc" } });

describe("applyOnboardingStatus", () => {
  it("moves forward, recording source, notification and actor in one history row", async () => {
    const i = await integration();
    const at = new Date("2026-01-02T03:04:05Z");
    const r = await applyOnboardingStatus({ integrationId: i.id, status: "PARTNER_READY", source: "POLL", at });
    expect(r).toEqual({ outcome: "changed", from: "REQUESTED", to: "PARTNER_READY" });
    const r2 = await applyOnboardingStatus({
      integrationId: i.id,
      status: "ENABLED",
      source: "PUSH",
      notificationId: "ntf-1",
    });
    expect(r2.outcome).toBe("changed");
    const row = await db.integration.findUniqueOrThrow({ where: { id: i.id } });
    expect(row).toMatchObject({ onboardingStatus: "ENABLED", statusSource: "PUSH", statusNotificationId: "ntf-1" });
    expect((await history(i.id)).map((h) => [h.fromStatus, h.toStatus, h.source, h.notificationId])).toEqual([
      ["REQUESTED", "PARTNER_READY", "POLL", null],
      ["PARTNER_READY", "ENABLED", "PUSH", "ntf-1"],
    ]);
  });

  it("C24: the same status again changes nothing and writes no second history row", async () => {
    const i = await integration("PARTNER_READY");
    expect(
      (await applyOnboardingStatus({ integrationId: i.id, status: "ENABLED", source: "PUSH", notificationId: "a" }))
        .outcome,
    ).toBe("changed");
    const changedAt = (await db.integration.findUniqueOrThrow({ where: { id: i.id } })).statusChangedAt;
    expect(
      (await applyOnboardingStatus({ integrationId: i.id, status: "ENABLED", source: "PUSH", notificationId: "b" }))
        .outcome,
    ).toBe("unchanged");
    const row = await db.integration.findUniqueOrThrow({ where: { id: i.id } });
    expect(row.statusNotificationId).toBe("a");
    expect(row.statusChangedAt).toEqual(changedAt);
    expect(await history(i.id)).toHaveLength(1);
  });

  it("an older status never overwrites a newer one", async () => {
    const i = await integration("ENABLED");
    for (const status of ["REQUESTED", "PARTNER_READY"] as const) {
      expect((await applyOnboardingStatus({ integrationId: i.id, status, source: "POLL" })).outcome).toBe("older");
    }
    expect((await db.integration.findUniqueOrThrow({ where: { id: i.id } })).onboardingStatus).toBe("ENABLED");
    expect(await history(i.id)).toHaveLength(0);
  });

  it("C24: five concurrent applications of one change apply it once", async () => {
    const i = await integration("PARTNER_READY");
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        applyOnboardingStatus({ integrationId: i.id, status: "ENABLED", source: "PUSH", notificationId: `retry-${n}` }),
      ),
    );
    expect(results.filter((r) => r.outcome === "changed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "unchanged")).toHaveLength(4);
    expect(await history(i.id)).toHaveLength(1);
  });

  it("answers missing for an integration that does not exist", async () => {
    expect(await applyOnboardingStatus({ integrationId: "nope", status: "ENABLED", source: "POLL" })).toEqual({
      outcome: "missing",
      to: "ENABLED",
    });
  });
});
