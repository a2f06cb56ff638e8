// The support console's reads (issue #6) on real Postgres: stage counts, funnel, filters, pagination,
// recent changes, stuck detection, issues, audit filters, the CSV export's batches and escaping, and
// that no secret column reaches page data (C3). Rows are named with a per-run prefix so parallel test
// files never see each other's data through the filters.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { OnboardingStatus, SyncState } from "@/lib/db/enums";
import { env } from "@/lib/env";
import { listAudit } from "./audit";
import { csvCell, csvLine } from "./csv";
import { customerIntegrations, customerJobs, customerSummary, linkedInUsage } from "./customer";
import { parseAuditParams, parseOverviewParams } from "./filters";
import { failedJobs, keyFailures, stuckAfterHours, stuckIntegrations, STUCK_SETTING_KEY } from "./issues";
import { funnelSteps, integrationBatches, listIntegrations, recentChanges, stageCounts } from "./overview";

const P = `cons${randomBytes(3).toString("hex")}`;
const HOUR = 60 * 60 * 1000;
const now = new Date();
const ids: Record<string, string> = {};

async function customer(key: string, opts: { authError?: string } = {}) {
  const c = await db.customer.create({
    data: {
      displayName: `${P} ${key}`,
      foreignId: `${P}-${key}`,
      offeredIntegrationTypes: [],
      callbackKey: `${P}-${key}-cb`,
    },
  });
  await db.customerApplication.create({
    data: {
      customerId: c.id,
      clientId: `${P}-${key}-client`,
      clientSecretEnc: "v1.test.not-a-real-envelope",
      clientSecretHint: "cdef",
      accessTokenEnc: "v1.test.token-envelope",
      origin: "MANUAL",
      lastAuthError: opts.authError ?? null,
      lastAuthErrorAt: opts.authError ? now : null,
    },
  });
  ids[key] = c.id;
  return c.id;
}

let n = 0;
async function integration(
  customerId: string,
  status: OnboardingStatus,
  opts: { type?: string; changedHoursAgo?: number; nameSync?: SyncState; name?: string } = {},
) {
  n += 1;
  const i = await db.integration.create({
    data: {
      customerId,
      integrationContext: `urn:li:organization:${P}${n}`,
      integrationType: opts.type ?? "ONE_CLICK_EXPORT",
      tenantType: "RECRUITER",
      name: opts.name ?? `${P} integration ${n}`,
      onboardingStatus: status,
      statusChangedAt: new Date(now.getTime() - (opts.changedHoursAgo ?? 1) * HOUR),
      nameSyncState: opts.nameSync ?? "SYNCED",
      nameSyncError: opts.nameSync === "FAILED" ? "LinkedIn refused the name" : null,
    },
  });
  return i.id;
}

beforeAll(async () => {
  const a = await customer("a-none");
  void a;
  const b = await customer("b-requested");
  await integration(b, "REQUESTED", { type: "APPLY_CONNECT", changedHoursAgo: 100 });
  await integration(b, "ENABLED");
  const c = await customer("c-partner");
  await integration(c, "PARTNER_READY", { changedHoursAgo: 10 });
  await integration(c, "ENABLED");
  const d = await customer("d-enabled");
  ids.dEnabled = await integration(d, "ENABLED", { changedHoursAgo: 200 });
  const e = await customer("e-errors");
  ids.eFailed = await integration(e, "ENABLED", { nameSync: "FAILED", name: `=${P} "quoted", name` });
  await customer("f-keys", { authError: "LinkedIn refused these keys (401): re-enter them." });

  // Two changes in the last 24 hours and one older.
  await db.integrationStatusChange.createMany({
    data: [
      {
        integrationId: ids.dEnabled,
        fromStatus: null,
        toStatus: "REQUESTED",
        source: "WIDGET",
        createdAt: new Date(now.getTime() - 48 * HOUR),
      },
      {
        integrationId: ids.dEnabled,
        fromStatus: "REQUESTED",
        toStatus: "PARTNER_READY",
        source: "POLL",
        createdAt: new Date(now.getTime() - 3 * HOUR),
      },
      {
        integrationId: ids.dEnabled,
        fromStatus: "PARTNER_READY",
        toStatus: "ENABLED",
        source: "PUSH",
        createdAt: new Date(now.getTime() - 1 * HOUR),
      },
    ],
  });
});

afterAll(async () => {
  await db.customer.deleteMany({ where: { foreignId: { startsWith: P } } });
  await disconnectDb();
});

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

describe("CSV (issue #6)", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-22T10:00:00.000Z"))).toBe("2026-11-22T10:00:00.000Z");
    expect(csvLine(["a", 1, true, undefined])).toBe("a,1,true,\r\n");
  });
});
