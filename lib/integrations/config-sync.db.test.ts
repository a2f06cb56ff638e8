// Issue #4, the configuration sync (C15–C17, C21, L14, L15) on real Postgres and the LinkedIn sandbox: the key
// table per type, the ACL switch, refused keys and customer-provided values (test-support/sync-harness.ts).
import { describe, expect, it } from "vitest";
import { ACTIVE_JOB_STATUSES } from "@/lib/jobs/status";
import type { Actor } from "@/lib/auth/actor";
import { eventually } from "@/test/eventually";
import { L13_INTEGRATION_TYPES } from "@/sandbox/settings";
import {
  ALL_BUNDLES,
  allNamesSynced,
  authorizeInWidget,
  batchCalls,
  integrationsOf,
  m,
  makeCustomer,
  org,
  quiet,
  sandboxIntegrations,
  sandboxPost,
  useSyncStack,
} from "./test-support/sync-harness";

useSyncStack({ workers: true });

describe("the configuration sync (workers running in this process)", () => {
  it("L14, C16, C21, RSC-104: each type gets the keys of LinkedIn's table, in LinkedIn's request shape; the ACL switch removes and restores the viewers keys", async () => {
    const c = await makeCustomer();
    const indicator = { ...org("cfg1"), integrationType: "IN_ATS_INDICATOR" };
    const apply = {
      integrationContext: "urn:li:organization:cfg2",
      integrationType: "APPLY_CONNECT",
      tenantType: "JOBS",
    };
    await authorizeInWidget(c, [org("cfg1"), indicator, apply]);
    const expectedUrl = m.callback.callbackUrlFor("http://localhost:3000", c.callbackKey);
    await eventually("configurations synced", async () => {
      const rows = await integrationsOf(c.customerId);
      return rows.length === 3 && rows.every((r) => r.configSyncState === "SYNCED");
    });
    const configsAt = async () =>
      new Map(
        (await sandboxIntegrations(c.clientId)).map((i) => [
          `${i.integrationType}@${i.integrationContext}`,
          i.configurations,
        ]),
      );
    let at = await configsAt();
    expect(at.get("ONE_CLICK_EXPORT@urn:li:organization:cfg1")).toEqual({
      CALLBACK_URL: { string: expectedUrl },
      JOB_POSTING_VIEWERS: { string: "ALL_PRODUCT_USERS" },
    });
    expect(at.get("IN_ATS_INDICATOR@urn:li:organization:cfg1")).toEqual({
      APPLICATION_VIEWERS: { string: "ALL_PRODUCT_USERS" },
    });
    expect(at.get("APPLY_CONNECT@urn:li:organization:cfg2")).toEqual({});
    // L15: every write was a PUT … ?ids= with x-restli-method: batch_update (the sandbox refuses anything else).
    const writes = await batchCalls(c.clientId, "configurations");
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.every((w) => w.status === 200)).toBe(true);

    const rscRow = (await integrationsOf(c.customerId)).find((r) => r.integrationType === "ONE_CLICK_EXPORT");
    await expect(
      m.mutations.editConfiguration(c.actor, {
        integrationId: rscRow?.id ?? "",
        "value:CALLBACK_URL": "https://evil.example/x",
      }),
    ).rejects.toThrow(/need attention/);

    // The customer adopts ACLs: the viewers keys are removed at LinkedIn (DELETE, L15); the switch is audited.
    const { setUsesAtsAccessControls } = await import("@/lib/customers/access-controls");
    const operator: Actor = { userId: "operator-1", email: "ops@vendor.test", role: "OPERATOR", customerId: null };
    expect((await setUsesAtsAccessControls(operator, c.customerId, true)).message).toMatch(
      /removes JOB_POSTING_VIEWERS and APPLICATION_VIEWERS.*re-sync queued/,
    );
    await eventually("viewers keys removed at LinkedIn", async () => {
      const now = await configsAt();
      return (
        Object.keys(now.get("ONE_CLICK_EXPORT@urn:li:organization:cfg1") ?? {}).join() === "CALLBACK_URL" &&
        Object.keys(now.get("IN_ATS_INDICATOR@urn:li:organization:cfg1") ?? {}).length === 0
      );
    });
    await eventually("rows gone and SYNCED", async () => {
      const keys = await m.db.db.integrationConfiguration.findMany({
        where: { integration: { customerId: c.customerId } },
        select: { key: true },
      });
      const rows = await integrationsOf(c.customerId);
      return keys.map((k) => k.key).join() === "CALLBACK_URL" && rows.every((r) => r.configSyncState === "SYNCED");
    });
    const deletes = (await batchCalls(c.clientId, "configurations")).filter((w) => w.status === 204);
    expect(deletes).toHaveLength(2);
    await setUsesAtsAccessControls(operator, c.customerId, false);
    await eventually("viewers keys restored at LinkedIn", async () => {
      at = await configsAt();
      return (
        at.get("IN_ATS_INDICATOR@urn:li:organization:cfg1")?.APPLICATION_VIEWERS?.string === "ALL_PRODUCT_USERS" &&
        at.get("ONE_CLICK_EXPORT@urn:li:organization:cfg1")?.JOB_POSTING_VIEWERS?.string === "ALL_PRODUCT_USERS"
      );
    });
    const audits = await m.db.db.auditLog.findMany({
      where: { customerId: c.customerId, action: "customer.access_controls_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.details)).toEqual([{ usesAtsAccessControls: true }, { usesAtsAccessControls: false }]);

    // What the page and its SWR route show: the viewers value, the callback URL's secret key hidden.
    const { integrationList } = await import("./queries");
    await eventually("names synced", () => allNamesSynced(c.customerId, 3));
    await eventually("configurations SYNCED again", async () =>
      (await integrationsOf(c.customerId)).every((r) => r.configSyncState === "SYNCED"),
    );
    const list = await integrationList(c.customerId);
    expect(list.progress).toEqual({ total: 3, namesSynced: 3, configurationsSynced: 3 });
    const shown = list.integrations.find((i) => i.id === rscRow?.id);
    expect(shown?.configurations.find((x) => x.key === "CALLBACK_URL")).toMatchObject({ value: null, editable: false });
    expect(shown?.configurations.find((x) => x.key === "JOB_POSTING_VIEWERS")).toMatchObject({
      value: "ALL_PRODUCT_USERS",
      editable: false,
      syncState: "SYNCED",
    });
    expect(JSON.stringify(list)).not.toContain(c.callbackKey);
  });

  it("a key LinkedIn refuses for a type shows on that configuration with LinkedIn's words and the fixing action; the job fails at once", async () => {
    await quiet();
    const row = await m.db.db.configurationKeyRequirement.create({
      data: {
        integrationType: "PROFILE_PLUGIN",
        key: "CALLBACK_URL",
        label: "Callback URL",
        valueSource: "CALLBACK_URL",
        customerEditable: false,
      },
    });
    try {
      const c = await makeCustomer();
      await authorizeInWidget(c, [{ ...org("refused1"), integrationType: "PROFILE_PLUGIN" }]);
      const failed = await eventually("the key FAILED", async () => {
        const cfg = await m.db.db.integrationConfiguration.findFirst({
          where: { integration: { customerId: c.customerId }, key: "CALLBACK_URL" },
        });
        return cfg?.syncState === "FAILED" ? cfg : null;
      });
      expect(failed.syncError).toMatch(
        /^LinkedIn refused CALLBACK_URL on PROFILE_PLUGIN: "Configuration key CALLBACK_URL is not supported for integration type PROFILE_PLUGIN/,
      );
      expect(failed.syncError).toMatch(
        /edits the configuration key table for PROFILE_PLUGIN.*Re-send settings to LinkedIn/,
      );
      const [integration] = await integrationsOf(c.customerId);
      expect(integration?.configSyncState).toBe("FAILED");
      const job = await eventually("the job FAILED without retrying", async () =>
        m.db.db.job.findFirst({ where: { customerId: c.customerId, kind: "SYNC_CONFIGURATIONS", status: "FAILED" } }),
      );
      expect(job.attempts).toBe(1);
    } finally {
      await m.db.db.configurationKeyRequirement.delete({ where: { id: row.id } });
    }
  });

  it("L12, C15: a type Onramp does not know yet syncs like its siblings; a required customer value waits for the customer, then syncs", async () => {
    await quiet();
    await sandboxPost("/_sandbox/settings", {
      integrationTypes: [...L13_INTEGRATION_TYPES, "CRM_SYNC"],
      configurationKeys: {
        ONE_CLICK_EXPORT: ["CALLBACK_URL", "JOB_POSTING_VIEWERS"],
        IN_ATS_INDICATOR: ["APPLICATION_VIEWERS"],
        CRM_SYNC: ["ATS_TENANT_ID"],
      },
    });
    await m.db.db.configurationKeyRequirement.createMany({
      data: [
        {
          integrationType: "CRM_SYNC",
          key: "ATS_TENANT_ID",
          label: "ATS tenant id",
          valueSource: "CUSTOMER",
          customerEditable: true,
        },
      ],
    });
    const c = await makeCustomer([...ALL_BUNDLES, "CANDIDATE_RELATIONSHIP_MANAGEMENT"]);
    const tuple = {
      integrationContext: "urn:li:organization:crm2",
      integrationType: "CRM_SYNC",
      tenantType: "RECRUITER",
    };
    await authorizeInWidget(c, [tuple, org("crm2")]);
    await eventually("both names synced, the unknown type's too", () => allNamesSynced(c.customerId, 2));
    const waiting = await eventually("waiting for the customer's value", async () => {
      const r = (await integrationsOf(c.customerId)).find((x) => x.integrationType === "CRM_SYNC");
      return r?.configSyncError?.startsWith("Waiting for you") ? r : null;
    });
    expect(waiting.configSyncState).toBe("PENDING");
    expect(waiting.configSyncError).toContain("ATS tenant id");
    await eventually("the sibling's callback URL sent meanwhile (C16)", async () => {
      const i = (await sandboxIntegrations(c.clientId)).find((x) => x.configurations.CALLBACK_URL);
      return (
        i?.configurations.CALLBACK_URL?.string === m.callback.callbackUrlFor("http://localhost:3000", c.callbackKey)
      );
    });
    await eventually(
      "the config job finished rather than looping",
      async () =>
        (await m.db.db.job.count({
          where: {
            customerId: c.customerId,
            kind: "SYNC_CONFIGURATIONS",
            status: { in: [...ACTIVE_JOB_STATUSES] },
          },
        })) === 0,
    );
    await m.mutations.editConfiguration(c.actor, { integrationId: waiting.id, "value:ATS_TENANT_ID": "tenant-42" });
    await eventually("SYNCED with the customer's value", async () => {
      const r = (await integrationsOf(c.customerId)).find((x) => x.integrationType === "CRM_SYNC");
      const i = (await sandboxIntegrations(c.clientId)).find((x) => x.configurations.ATS_TENANT_ID);
      return (
        r?.configSyncState === "SYNCED" &&
        r.configSyncError === null &&
        i?.configurations.ATS_TENANT_ID?.string === "tenant-42"
      );
    });
  });
});
