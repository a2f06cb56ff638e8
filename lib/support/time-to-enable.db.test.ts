// Time from REQUESTED to ENABLED (issue 14): median and p90 per customer and overall, and the nudges
// sent before ENABLED (a nudge sent after it, or not sent, does not count).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { applyOnboardingStatus } from "@/lib/onboarding-status/apply";
import { timeToEnableByCustomer, timeToEnableOfCustomer, timeToEnableOverall } from "./time-to-enable";

afterAll(disconnectDb);

const requested = new Date("2026-03-01T00:00:00Z");
const hoursLater = (h: number) => new Date(requested.getTime() + h * 3_600_000);

describe("time to enable", () => {
  it("gives the median and p90 of REQUESTED → ENABLED and counts only nudges sent before ENABLED", async () => {
    const id = randomUUID().slice(0, 8);
    const c = await createCustomerRow(`Initech ${id}`);
    const ids: string[] = [];
    for (const [k, hours] of [10, 20, 30, 40, 100].entries()) {
      const i = await db.integration.create({
        data: {
          customerId: c.id,
          integrationContext: `urn:li:organization:${id}${k}`,
          integrationType: "RECRUITER_SYSTEM_CONNECT",
          tenantType: "RECRUITER",
          name: `I${k}`,
          createdAt: requested,
        },
      });
      ids.push(i.id);
      await applyOnboardingStatus({ integrationId: i.id, status: "ENABLED", source: "PUSH", at: hoursLater(hours) });
    }
    // A still-REQUESTED integration does not count.
    await db.integration.create({
      data: {
        customerId: c.id,
        integrationContext: `urn:li:organization:${id}x`,
        integrationType: "APPLY_CONNECT",
        tenantType: "JOBS",
        name: "pending",
      },
    });
    const nudge = (
      integrationId: string,
      sentAt: Date,
      status: "SENT" | "FAILED" = "SENT",
      template: "PARTNER_READY" | "PARTNER_READY_REMINDER" = "PARTNER_READY",
    ) =>
      db.email.create({
        data: {
          integrationId,
          customerId: c.id,
          toAddress: "a@initech.test",
          template,
          cause: `t:${randomUUID()}`,
          data: {},
          status,
          sentAt,
          messageId: `<${randomUUID()}@t>`,
          unsubscribeKey: randomUUID(),
        },
      });
    await nudge(ids[0]!, hoursLater(5));
    await nudge(ids[0]!, hoursLater(8), "SENT", "PARTNER_READY_REMINDER");
    await nudge(ids[1]!, hoursLater(50)); // after ENABLED
    await nudge(ids[2]!, hoursLater(5), "FAILED"); // never reached anyone

    const mine = await timeToEnableOfCustomer(c.id);
    expect(mine).toEqual({ enabled: 5, medianHours: 30, p90Hours: 76, nudgesBeforeEnabled: 2 });
    const listed = (await timeToEnableByCustomer(100_000)).find((r) => r.customerId === c.id);
    expect(listed).toMatchObject({ customerName: c.displayName, enabled: 5, medianHours: 30, nudgesBeforeEnabled: 2 });
    const overall = await timeToEnableOverall();
    expect(overall.enabled).toBeGreaterThanOrEqual(5);
    expect(overall.medianHours).not.toBeNull();
  });
});
