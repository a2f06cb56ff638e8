// The audit log's filters (issue #6) on real Postgres, over the rows of test-support/support-rows.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAudit } from "./audit";
import { P, HOUR, now, ids, useSupportRows } from "./test-support/support-rows";

useSupportRows();

describe("audit log (issue #6)", () => {
  it("filters by customer, actor, action prefix and date, newest first", async () => {
    const customerId = ids["c-partner"]!;
    await db.auditLog.createMany({
      data: [
        {
          actorLabel: `${P}-support@onramp.test`,
          action: "job.retried",
          targetType: "Job",
          customerId,
          createdAt: new Date(now.getTime() - 2 * HOUR),
        },
        {
          actorLabel: `${P}-operator@onramp.test`,
          action: "customer.updated",
          targetType: "Customer",
          customerId,
          createdAt: new Date(now.getTime() - HOUR),
        },
      ],
    });
    expect((await listAudit({ customerId }, 1)).rows.map((r) => r.action)).toEqual(["customer.updated", "job.retried"]);
    expect((await listAudit({ customer: `${P} c-partner`, action: "job" }, 1)).rows.map((r) => r.actorLabel)).toEqual([
      `${P}-support@onramp.test`,
    ]);
    expect((await listAudit({ actor: `${P}-OPERATOR` }, 1)).total).toBe(1);
    const tomorrow = new Date(now.getTime() + 24 * HOUR).toISOString().slice(0, 10);
    expect((await listAudit({ customerId, from: tomorrow }, 1)).total).toBe(0);
    expect((await listAudit({ customerId }, 1)).rows[0]?.customerName).toBe(`${P} c-partner`);
  });
});
