// The onboarding flow (issue 22 point 3): the browser's report is bound to a visit the server opened for the same
// admin and customer, once per visit; statuses record the last steps with their change; the funnel counts who
// reached each step, where they stopped or failed, and the median time between steps.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createCustomerRow, createRscIntegrationRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import type { FlowStepKind } from "@/lib/db/enums";
import { applyOnboardingStatus } from "@/lib/onboarding-status/apply";
import { flowFunnel } from "./funnel";
import { customerFlowSteps } from "./queries";
import { openFlowVisit, recordFlowStep, recordScriptReport } from "./record";

afterAll(disconnectDb);

function adminOf(customerId: string): Actor {
  const userId = `user-${randomUUID()}`;
  return { userId, email: `${userId}@customer.test`, role: "CUSTOMER_ADMIN", customerId };
}

describe("the browser's report on LinkedIn's script", () => {
  it("is recorded for the admin's own visit, once, with its fixed reason", async () => {
    const customer = await createCustomerRow("Flow Report Co");
    const admin = adminOf(customer.id);
    const visitId = await openFlowVisit(admin, customer.id);
    const failed = await recordScriptReport(admin, { visitId, outcome: "FAILED", reason: "PLUGIN_DID_NOT_RENDER" });
    expect(failed).toMatchObject({ step: "LINKEDIN_SCRIPT", outcome: "FAILED", reason: "PLUGIN_DID_NOT_RENDER" });
    // A repeated or replayed report writes nothing new.
    expect(await recordScriptReport(admin, { visitId, outcome: "OK" })).toBeNull();
    const steps = await customerFlowSteps(customer.id, 1);
    expect(steps.rows.map((s) => [s.step, s.outcome, s.visitId])).toEqual([
      ["LINKEDIN_SCRIPT", "FAILED", visitId],
      ["PAGE_OPENED", "OK", visitId],
    ]);
  });

  it("refuses a visit of another admin or another customer, and a staff member", async () => {
    const customer = await createCustomerRow("Flow Owner Co");
    const other = await createCustomerRow("Flow Other Co");
    const owner = adminOf(customer.id);
    const visitId = await openFlowVisit(owner, customer.id);
    const colleague = adminOf(customer.id);
    await expect(recordScriptReport(colleague, { visitId, outcome: "OK" })).rejects.toThrow(/not known/);
    await expect(recordScriptReport(adminOf(other.id), { visitId, outcome: "OK" })).rejects.toThrow(/not known/);
    const support: Actor = { userId: owner.userId, email: "s@vendor.test", role: "SUPPORT", customerId: null };
    await expect(recordScriptReport(support, { visitId, outcome: "OK" })).rejects.toThrow(/own admin/);
    expect(await db.flowStep.count({ where: { visitId, step: "LINKEDIN_SCRIPT" } })).toBe(0);
  });
});

describe("steps the server sees", () => {
  it("records WAITING_ON_CUSTOMER and ENABLED with the status change, once", async () => {
    const customer = await createCustomerRow("Flow Status Co");
    const integration = await createRscIntegrationRow(customer.id, randomUUID().slice(0, 8), "Flow");
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "POLL" });
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "PUSH" });
    await applyOnboardingStatus({ integrationId: integration.id, status: "ENABLED", source: "PUSH" });
    const steps = await db.flowStep.findMany({ where: { customerId: customer.id }, orderBy: { at: "asc" } });
    expect(steps.map((s) => s.step)).toEqual(["WAITING_ON_CUSTOMER", "ENABLED"]);
  });
});

describe("the funnel", () => {
  it("counts who reached each step, where they stopped and failed, and the median time from the step before", async () => {
    const t0 = new Date("2026-05-01T09:00:00Z");
    const later = (s: number) => new Date(t0.getTime() + s * 1000);
    const cohort: string[] = [];
    const walk = async (steps: [FlowStepKind, number, "OK" | "FAILED"][]) => {
      const c = await createCustomerRow("Flow Funnel Co");
      cohort.push(c.id);
      for (const [step, s, outcome] of steps)
        await recordFlowStep({
          customerId: c.id,
          step,
          outcome,
          reason: outcome === "FAILED" ? "SCRIPT_UNREACHABLE" : null,
          at: later(s),
        });
    };
    // Two stop at the script, one of them because it failed; one gets to the bundle, one all the way.
    await walk([["PAGE_OPENED", 0, "OK"]]);
    await walk([
      ["PAGE_OPENED", 0, "OK"],
      ["LINKEDIN_SCRIPT", 5, "FAILED"],
    ]);
    await walk([
      ["PAGE_OPENED", 0, "OK"],
      ["LINKEDIN_SCRIPT", 4, "OK"],
      ["BUNDLE_AUTHORIZED", 64, "OK"],
    ]);
    await walk([
      ["PAGE_OPENED", 0, "OK"],
      ["LINKEDIN_SCRIPT", 2, "OK"],
      ["BUNDLE_AUTHORIZED", 122, "OK"],
      ["TUPLES_CONFIRMED", 123, "OK"],
      ["NAMES_AND_SETTINGS_SENT", 130, "OK"],
      ["WAITING_ON_CUSTOMER", 3600, "OK"],
      ["ENABLED", 7200, "OK"],
    ]);
    // A failed visit before a good one: the first OK time counts.
    await walk([
      ["PAGE_OPENED", 0, "OK"],
      ["LINKEDIN_SCRIPT", 1, "FAILED"],
      ["PAGE_OPENED", 50, "OK"],
      ["LINKEDIN_SCRIPT", 51, "OK"],
    ]);

    const funnel = Object.fromEntries((await flowFunnel({ customerIds: cohort })).map((s) => [s.step, s]));
    expect(funnel.PAGE_OPENED).toMatchObject({
      reached: 5,
      stoppedHere: 2,
      failedHere: 0,
      medianSecondsFromPrevious: null,
    });
    // Script: 3 reached (4 s, 2 s, 51 s after their first page open → median 4 s); the second customer failed here.
    expect(funnel.LINKEDIN_SCRIPT).toMatchObject({
      reached: 3,
      stoppedHere: 1,
      failedHere: 1,
      medianSecondsFromPrevious: 4,
    });
    expect(funnel.BUNDLE_AUTHORIZED).toMatchObject({ reached: 2, stoppedHere: 1, medianSecondsFromPrevious: 90 });
    expect(funnel.ENABLED).toMatchObject({ reached: 1, stoppedHere: 1, medianSecondsFromPrevious: 3600 });
  });
});
