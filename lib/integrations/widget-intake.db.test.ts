// Issue #4, widget intake (C7, C12) on real Postgres and the LinkedIn sandbox started in this process: what the
// widget hands over is checked, stored once, and queued for the syncs (test-support/sync-harness.ts).
import { describe, expect, it } from "vitest";
import {
  authorizeAtLinkedIn,
  batchCalls,
  integrationsOf,
  m,
  makeCustomer,
  org,
  useSyncStack,
} from "./test-support/sync-harness";

useSyncStack();

describe("widget intake (C7, C12)", () => {
  it("C12: a malformed tuple is refused alone, with a message; its siblings are stored", async () => {
    const c = await makeCustomer();
    const bad = [
      { integrationContext: "urn:li:person:123", integrationType: "ONE_CLICK_EXPORT", tenantType: "RECRUITER" },
      { integrationContext: "urn:li:organization:1", integrationType: "not a type", tenantType: "RECRUITER" },
      { integrationContext: "urn:li:organization:1", integrationType: "ONE_CLICK_EXPORT" },
      "not an object",
    ];
    await authorizeAtLinkedIn(
      c,
      bad.map((_, n) => org(`ok${n}`)),
    );
    for (const [n, tuple] of bad.entries()) {
      const result = await m.intake.recordWidgetIntegrations(c.actor, { integrations: [org(`ok${n}`), tuple] });
      expect(result).toMatchObject({ created: 1, refused: [{ position: 2 }] });
      expect(result.message).toMatch(/Stored 1 integration.*Not stored: integration 2: not recognised/);
    }
    expect(await integrationsOf(c.customerId)).toHaveLength(bad.length);
    // Only malformed tuples: nothing to store, the whole call is refused with every reason.
    await expect(m.intake.recordWidgetIntegrations(c.actor, { integrations: bad })).rejects.toThrow(
      /did not store anything: integration 1: not recognised/,
    );
  });

  it("L12: a tuple of a type Onramp does not know yet is stored, named generically and flagged for support", async () => {
    const c = await makeCustomer(["RECRUITER_SYSTEM_CONNECT_COMPANY", "CANDIDATE_RELATIONSHIP_MANAGEMENT"]);
    const crm = {
      integrationContext: "urn:li:organization:crm1",
      integrationType: "CRM_SYNC",
      tenantType: "RECRUITER",
    };
    await authorizeAtLinkedIn(c, [org("crm1"), crm]);
    const result = await m.intake.recordWidgetIntegrations(c.actor, { integrations: [org("crm1"), crm] });
    expect(result).toMatchObject({ created: 2, refused: [], unknownTypes: ["CRM_SYNC"] });
    const rows = await integrationsOf(c.customerId);
    expect(rows.find((r) => r.integrationType === "CRM_SYNC")?.name).toMatch(
      /'s LinkedIn Recruiter Integration \(CRM_SYNC\)$/,
    );
    const { unknownTypeIntegrations } = await import("@/lib/support/issues");
    const flagged = (await unknownTypeIntegrations(1, 1000)).rows.filter((r) => r.customerId === c.customerId);
    expect(flagged.map((r) => r.integrationType)).toEqual(["CRM_SYNC"]);
  });

  it("takes the customer from the session: an input naming a customer is refused by the action's schema", () => {
    const parsed = m.intake.widgetIntakeSchema.safeParse({ integrations: [org("1")], customerId: "someone-else" });
    expect(parsed.success).toBe(false);
    expect(m.intake.widgetIntakeSchema.safeParse({ integrations: [org("1")] }).success).toBe(true);
  });

  it("refuses types not offered to this customer, each alone; staff can not use the widget path", async () => {
    const a = await makeCustomer();
    const b = await makeCustomer(["RECRUITER_SYSTEM_CONNECT_COMPANY"]);
    await authorizeAtLinkedIn(b, [org("x")]);
    await expect(
      m.intake.recordWidgetIntegrations(b.actor, {
        integrations: [
          { integrationContext: "urn:li:organization:77", integrationType: "APPLY_CONNECT", tenantType: "JOBS" },
        ],
      }),
    ).rejects.toThrow(/not offered to your company/);
    // CSA_API comes with the contract bundle (L12), which b was not offered; its sibling is stored.
    const mixed = await m.intake.recordWidgetIntegrations(b.actor, {
      integrations: [
        org("x"),
        { integrationContext: "urn:li:contract:9", integrationType: "CSA_API", tenantType: "RECRUITER" },
      ],
    });
    expect(mixed.created).toBe(1);
    expect(mixed.refused.map((r) => r.position)).toEqual([2]);
    expect(mixed.message).toMatch(/integration 2: CSA_API for urn:li:contract:9 is not offered/);
    expect((await integrationsOf(b.customerId)).map((r) => r.integrationContext)).toEqual(["urn:li:organization:x"]);
    // Staff can not store tuples for a customer through the widget path.
    await expect(
      m.intake.recordWidgetIntegrations(
        { ...a.actor, role: "OPERATOR", customerId: null },
        { integrations: [org("z")] },
      ),
    ).rejects.toThrow(/customer's own admin/);
  });

  it("a customer without a LinkedIn application is told its vendor must set it up, and nothing is stored", async () => {
    const c = await makeCustomer();
    await m.db.db.customerApplication.delete({ where: { customerId: c.customerId } });
    await expect(m.intake.recordWidgetIntegrations(c.actor, { integrations: [org("noapp")] })).rejects.toThrow(
      /not set up yet.*vendor's operator/,
    );
    expect(await integrationsOf(c.customerId)).toHaveLength(0);
  });

  it("C7: the same tuple handed over twice, even at once, is one integration", async () => {
    const c = await makeCustomer();
    const t = org("twice");
    await authorizeAtLinkedIn(c, [t]);
    const [first, second] = await Promise.all([
      m.intake.recordWidgetIntegrations(c.actor, { integrations: [t, t] }),
      m.intake.recordWidgetIntegrations(c.actor, { integrations: [t] }),
    ]);
    const third = await m.intake.recordWidgetIntegrations(c.actor, { integrations: [t] });
    const rows = await integrationsOf(c.customerId);
    expect(rows).toHaveLength(1);
    expect((first?.created ?? 0) + (second?.created ?? 0)).toBe(1);
    expect(third).toMatchObject({ created: 0, existing: 1 });
    expect(rows[0]?.name).toMatch(/^Customer [0-9a-f]+'s LinkedIn Recruiter One-Click Export Integration$/);
    // Its history starts with one REQUESTED entry from the widget, however often the tuple came.
    const history = await m.db.db.integrationStatusChange.findMany({ where: { integrationId: rows[0]!.id } });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.source, h.actorId])).toEqual([
      [null, "REQUESTED", "WIDGET", c.actor.userId],
    ]);
  });

  it("the request's only LinkedIn call is the confirmation (C19b); names and configurations are queued as tracked jobs", async () => {
    const c = await makeCustomer();
    await authorizeAtLinkedIn(c, [org("fast")]);
    await m.intake.recordWidgetIntegrations(c.actor, { integrations: [org("fast")] });
    expect(await batchCalls(c.clientId)).toHaveLength(0);
    expect((await batchCalls(c.clientId, "lookup_ids")).map((x) => [x.status, x.entityCount])).toEqual([[200, 1]]);
    const jobs = await m.db.db.job.findMany({ where: { customerId: c.customerId } });
    expect(jobs.map((j) => j.kind).sort()).toEqual(["SYNC_CONFIGURATIONS", "SYNC_NAMES"]);
  });
});
