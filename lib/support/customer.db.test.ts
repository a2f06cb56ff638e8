// The support customer page's reads (issue #6): no secret column reaches page data (C3), newest changes, today's
// calls against the budget and the customer's jobs, on real Postgres, over the rows of test-support/support-rows.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { customerIntegrations, customerJobs, customerSummary, linkedInUsage } from "./customer";
import { P, HOUR, now, ids, useSupportRows } from "./test-support/support-rows";

useSupportRows();

describe("customer page (issue #6, C3)", () => {
  it("selects no secret column", async () => {
    const summary = await customerSummary(ids["f-keys"]!);
    expect(summary?.application).toBeTruthy();
    const keys = Object.keys(summary!.application!);
    for (const secret of ["clientSecretEnc", "clientSecretHint", "accessTokenEnc"]) expect(keys).not.toContain(secret);
    expect(JSON.stringify(summary)).not.toContain("envelope");
  });

  it("shows each integration's newest changes, and today's calls against the budget", async () => {
    const page = await customerIntegrations(ids["d-enabled"]!, 1);
    expect(page.rows[0]!.history.map((h) => h.source)).toEqual(["PUSH", "POLL", "WIDGET"]);
    await db.linkedInCallCount.create({
      data: {
        clientId: `${P}-d-enabled-client`,
        endpoint: "atsIntegrations.lookup",
        day: new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`),
        count: 42,
      },
    });
    const summary = await customerSummary(ids["d-enabled"]!);
    const usage = await linkedInUsage(summary!.application, now);
    expect(usage?.endpoints[0]).toMatchObject({ count: 42, budget: env().LINKEDIN_DAILY_CALL_BUDGET });
    expect(usage?.rateLimitedNow).toBe(false);
    await db.linkedInCallCount.deleteMany({ where: { clientId: `${P}-d-enabled-client` } });
  });
});

describe("customer jobs (issue #6)", () => {
  it("lists the customer's jobs newest first, naming the person who triggered one by email", async () => {
    const user = await db.user.create({ data: { email: `${P}-support@onramp.test`, role: "SUPPORT" } });
    const customerId = ids["b-requested"]!;
    await db.job.create({
      data: {
        kind: "POLL_STATUS",
        status: "SUCCEEDED",
        customerId,
        triggeredBy: "system:poll",
        createdAt: new Date(now.getTime() - HOUR),
      },
    });
    await db.job.create({
      data: { kind: "SYNC_NAMES", status: "FAILED", customerId, triggeredBy: user.id, attempts: 5, lastError: "boom" },
    });
    const jobs = await customerJobs(customerId, 1);
    expect(jobs.rows.map((j) => [j.kind, j.triggeredBy])).toEqual([
      ["SYNC_NAMES", `${P}-support@onramp.test`],
      ["POLL_STATUS", "system:poll"],
    ]);
    await db.job.deleteMany({ where: { customerId } });
    await db.user.delete({ where: { id: user.id } });
  });
});
