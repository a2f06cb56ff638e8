// The support overview's reads (issue #6): stage counts, funnel, filters, pagination, the CSV export's batches
// and recent changes, real Postgres, over the rows of test-support/support-rows.ts.
import { describe, expect, it } from "vitest";
import { parseAuditParams, parseOverviewParams } from "./filters";
import { funnelSteps, integrationBatches, listIntegrations, recentChanges, stageCounts } from "./overview";
import { P, now, ids, useSupportRows } from "./test-support/support-rows";

useSupportRows();

describe("stage counts and funnel (issue #6)", () => {
  it("counts each customer once, at the least advanced status of its integrations", async () => {
    const counts = await stageCounts({ customer: P });
    expect(counts).toEqual({
      customers: 6,
      noneRequested: 2,
      requested: 1,
      partnerReady: 1,
      enabled: 2,
      withErrors: 2,
    });
    expect(funnelSteps(counts).map((s) => s.count)).toEqual([6, 4, 3, 2]);
  });

  it("with an integration filter, counts only customers with a matching integration", async () => {
    expect(await stageCounts({ customer: P, status: "ENABLED" })).toMatchObject({
      customers: 4,
      noneRequested: 0,
      enabled: 4,
    });
    expect(await stageCounts({ customer: P, type: "APPLY_CONNECT" })).toMatchObject({
      customers: 1,
      requested: 1,
      enabled: 0,
    });
    expect(await stageCounts({ customer: P, errors: "with" })).toMatchObject({ customers: 1, withErrors: 1 });
  });

  it("matches a customer by its exact foreign id, and LIKE characters literally", async () => {
    expect((await stageCounts({ customer: `${P}-d-enabled` })).customers).toBe(1);
    expect((await stageCounts({ customer: `${P}%` })).customers).toBe(0);
  });
});

describe("integration list (issue #6)", () => {
  it("filters by status, type and error state", async () => {
    expect((await listIntegrations({ customer: P }, 1)).total).toBe(6);
    expect((await listIntegrations({ customer: P, status: "ENABLED" }, 1)).total).toBe(4);
    expect((await listIntegrations({ customer: P, type: "APPLY_CONNECT" }, 1)).rows.map((r) => r.customerId)).toEqual([
      ids["b-requested"],
    ]);
    const withErrors = await listIntegrations({ customer: P, errors: "with" }, 1);
    expect(withErrors.rows.map((r) => r.id)).toEqual([ids.eFailed]);
    expect((await listIntegrations({ customer: P, errors: "without" }, 1)).total).toBe(5);
  });

  it("pages in the database: disjoint pages, newest change first, right totals", async () => {
    const p1 = await listIntegrations({ customer: P }, 1, 4);
    const p2 = await listIntegrations({ customer: P }, 2, 4);
    expect(p1).toMatchObject({ total: 6, pageCount: 2, page: 1 });
    expect(p1.rows).toHaveLength(4);
    expect(p2.rows).toHaveLength(2);
    const all = [...p1.rows, ...p2.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(6);
    const times = all.map((r) => r.statusChangedAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it("reads the filter from search params, ignoring what is not valid", () => {
    const p = parseOverviewParams({
      customer: " acme ",
      status: "BOGUS",
      errors: "with",
      page: "-3",
      type: ["A", "B"],
    });
    expect(p).toMatchObject({ customer: "acme", status: undefined, errors: "with", page: 1, type: "A" });
    expect(parseAuditParams(new URLSearchParams("from=2026-13-01&to=2026-11-02&page=2"))).toMatchObject({
      from: undefined,
      to: "2026-11-02",
      page: 2,
    });
  });

  it("the export's batches cover the filtered list exactly once", async () => {
    const seen: string[] = [];
    let batches = 0;
    for await (const batch of integrationBatches({ customer: P }, 4)) {
      batches += 1;
      seen.push(...batch.map((r) => r.id));
    }
    expect(batches).toBe(2);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe("recent changes (issue #6)", () => {
  it("lists only the last 24 hours, newest first, with counts by new status", async () => {
    const changes = await recentChanges({ customer: P }, 1, now);
    expect(changes.total).toBe(2);
    expect(changes.rows.map((r) => r.toStatus)).toEqual(["ENABLED", "PARTNER_READY"]);
    expect(changes.rows[0]).toMatchObject({ source: "PUSH", customerId: ids["d-enabled"] });
    expect(changes.byStatus).toEqual({ REQUESTED: 0, PARTNER_READY: 1, ENABLED: 1 });
    expect((await recentChanges({ customer: P, type: "APPLY_CONNECT" }, 1, now)).total).toBe(0);
  });
});
