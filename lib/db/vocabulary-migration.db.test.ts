// Issue 9: the data migration 20261129143904_linkedin_vocabulary_data, applied to a database that holds
// rows of the invented type RECRUITER_SYSTEM_CONNECT and the invented key ENTITY_VISIBILITY_DEFAULT
// (L12–L14). The migrations before it are applied first, the rows written as the old code wrote them,
// then the rest of the folder.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setProcessEnv } from "@/lib/env";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { migrate } from "./migrate";
import { DEFAULT_MIGRATIONS_DIR } from "./migrations/folder";

const DATA_MIGRATION = "20261129143904_linkedin_vocabulary_data";
let scratch: ScratchDatabase;
let before: string;
let client: pg.Client;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

beforeAll(async () => {
  scratch = await createScratchDatabase();
  before = mkdtempSync(path.join(tmpdir(), "onramp-before-vocabulary-"));
  for (const entry of readdirSync(DEFAULT_MIGRATIONS_DIR)) {
    if (entry < DATA_MIGRATION || entry === "migration_lock.toml")
      cpSync(path.join(DEFAULT_MIGRATIONS_DIR, entry), path.join(before, entry), { recursive: true });
  }
  await migrate({ databaseUrl: scratch.url, migrationsDir: before });
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const integration = (id: string, customer: string, context: string, type: string, name: string, status = "ENABLED") =>
    client.query(
      `INSERT INTO "Integration" (id, "customerId", "integrationContext", "integrationType", "tenantType", name, "onboardingStatus",
         "nameVersion", "nameSyncedVersion", "nameSyncState", "configSyncState", "updatedAt")
       VALUES ($1, $2, $3, $4, 'RECRUITER', $5, $6::"OnboardingStatus", 1, 1, 'SYNCED', 'SYNCED', now())`,
      [id, customer, context, type, name, status],
    );
  await client.query(
    `INSERT INTO "Customer" (id, "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "updatedAt")
     VALUES ('c1', 'Acme', 'f1', ARRAY['RECRUITER_SYSTEM_CONNECT_COMPANY','RECRUITER_SYSTEM_CONNECT_CONTRACT'], 'k1', now()),
            ('c2', 'Globex', 'f2', ARRAY['RECRUITER_SYSTEM_CONNECT_COMPANY'], 'k2', now())`,
  );
  await integration(
    "company",
    "c1",
    "urn:li:organization:1",
    "RECRUITER_SYSTEM_CONNECT",
    "Acme's LinkedIn Recruiter System Connect Integration",
  );
  await integration("contract", "c1", "urn:li:contract:9", "RECRUITER_SYSTEM_CONNECT", "Our Recruiter contract");
  // Globex already has the real ONE_CLICK_EXPORT for its organization: the invented row is the same integration.
  await integration(
    "dup",
    "c2",
    "urn:li:organization:2",
    "RECRUITER_SYSTEM_CONNECT",
    "Globex's LinkedIn Recruiter System Connect Integration",
  );
  await integration("real", "c2", "urn:li:organization:2", "ONE_CLICK_EXPORT", "Globex export", "REQUESTED");
  await client.query(
    `INSERT INTO "IntegrationConfiguration" (id, "integrationId", key, value, "syncState", "updatedAt") VALUES
       ('cfg1', 'company', 'CALLBACK_URL', 'https://onramp.example/api/linkedin/callback/k1', 'SYNCED', now()),
       ('cfg2', 'company', 'ENTITY_VISIBILITY_DEFAULT', 'SHOW_ENTITIES_WITHOUT_ACLS', 'SYNCED', now()),
       ('cfg3', 'real', 'ENTITY_VISIBILITY_DEFAULT', 'HIDE_ENTITIES_WITHOUT_ACLS', 'SYNCED', now())`,
  );
  // An operator's own key on another type stays.
  await client.query(
    `INSERT INTO "ConfigurationKeyRequirement" (id, "integrationType", key, label, "valueSource", "defaultValue", "updatedAt")
     VALUES ('op1', 'APPLY_CONNECT', 'ATS_TENANT', 'Tenant', 'DEFAULT', 't', now())`,
  );
  await migrate({ databaseUrl: scratch.url });
});

afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  const { disconnectDb } = await import("./client");
  await stopBoss();
  await disconnectDb();
  await client?.end();
  rmSync(before, { recursive: true, force: true });
  await scratch?.drop();
});

describe("the vocabulary data migration (issue 9, L12–L14)", () => {
  it("turns the invented type into the bundle's real tuples, keeping status and chosen names; both syncs pending", async () => {
    const acme = await rows<{
      id: string;
      integrationType: string;
      integrationContext: string;
      name: string;
      onboardingStatus: string;
      nameSyncState: string;
      configSyncState: string;
      nameVersion: number;
    }>(
      `SELECT id, "integrationType", "integrationContext", name, "onboardingStatus"::text, "nameSyncState"::text, "configSyncState"::text, "nameVersion"
       FROM "Integration" WHERE "customerId" = 'c1' ORDER BY "integrationContext", "integrationType"`,
    );
    expect(acme.map((r) => [r.integrationContext, r.integrationType, r.name, r.onboardingStatus])).toEqual([
      ["urn:li:contract:9", "CSA_API", "Our Recruiter contract", "ENABLED"],
      [
        "urn:li:organization:1",
        "IN_ATS_INDICATOR",
        "Acme's LinkedIn Recruiter In-ATS Indicator Integration",
        "REQUESTED",
      ],
      [
        "urn:li:organization:1",
        "ONE_CLICK_EXPORT",
        "Acme's LinkedIn Recruiter One-Click Export Integration",
        "ENABLED",
      ],
      ["urn:li:organization:1", "PROFILE_PLUGIN", "Acme's LinkedIn Recruiter Profile Plugin Integration", "REQUESTED"],
    ]);
    for (const r of acme) expect([r.nameSyncState, r.configSyncState]).toEqual(["PENDING", "PENDING"]);
    expect(acme.find((r) => r.id === "company")?.nameVersion).toBe(2);
    const history = await rows<{ toStatus: string; source: string }>(
      `SELECT h."toStatus"::text, h.source::text FROM "IntegrationStatusChange" h JOIN "Integration" i ON i.id = h."integrationId" WHERE i."integrationType" = 'PROFILE_PLUGIN'`,
    );
    expect(history).toEqual([{ toStatus: "REQUESTED", source: "WIDGET" }]);
  });

  it("drops an invented row whose real counterpart exists, and every value of the invented key", async () => {
    const globex = await rows<{ id: string; integrationType: string }>(
      `SELECT id, "integrationType" FROM "Integration" WHERE "customerId" = 'c2'`,
    );
    expect(globex.map((r) => r.id)).toEqual(["real"]);
    expect(await rows(`SELECT 1 FROM "Integration" WHERE "integrationType" = 'RECRUITER_SYSTEM_CONNECT'`)).toEqual([]);
    const configs = await rows<{ integrationId: string; key: string; syncState: string }>(
      `SELECT "integrationId", key, "syncState"::text FROM "IntegrationConfiguration" ORDER BY id`,
    );
    expect(configs).toEqual([{ integrationId: "company", key: "CALLBACK_URL", syncState: "PENDING" }]);
  });

  it("leaves the key table as L14 has it, with the operator's own rows", async () => {
    const keys = await rows<{
      integrationType: string;
      key: string;
      defaultValue: string | null;
      onlyWithoutAccessControls: boolean;
    }>(
      `SELECT "integrationType", key, "defaultValue", "onlyWithoutAccessControls" FROM "ConfigurationKeyRequirement" ORDER BY "integrationType", key`,
    );
    expect(keys).toEqual([
      { integrationType: "APPLY_CONNECT", key: "ATS_TENANT", defaultValue: "t", onlyWithoutAccessControls: false },
      // Issue 23, L28: a later migration adds Talent CRM Connect's keys.
      {
        integrationType: "CRM_ONE_CLICK_EXPORT",
        key: "CALLBACK_URL",
        defaultValue: null,
        onlyWithoutAccessControls: false,
      },
      {
        integrationType: "IN_ATS_INDICATOR",
        key: "APPLICATION_VIEWERS",
        defaultValue: "ALL_PRODUCT_USERS",
        onlyWithoutAccessControls: true,
      },
      {
        integrationType: "IN_CRM_INDICATOR",
        key: "APPLICATION_VIEWERS",
        defaultValue: "ALL_PRODUCT_USERS",
        onlyWithoutAccessControls: true,
      },
      {
        integrationType: "ONE_CLICK_EXPORT",
        key: "CALLBACK_URL",
        defaultValue: null,
        onlyWithoutAccessControls: false,
      },
      {
        integrationType: "ONE_CLICK_EXPORT",
        key: "JOB_POSTING_VIEWERS",
        defaultValue: "ALL_PRODUCT_USERS",
        onlyWithoutAccessControls: true,
      },
    ]);
  });

  it("the converted rows are re-driven: the reconcile pass queues a name and a settings sync for their customer", async () => {
    // The app's client and pg-boss on this scratch database (nothing in this file used them before).
    setProcessEnv({ DATABASE_URL: scratch.url });
    const { runReconcilePass } = await import("@/server/reconcile-pass");
    // As if the migration ran with a deploy ten minutes ago: the sweep leaves alone work written in the last minute.
    await client.query(`UPDATE "Integration" SET "updatedAt" = now() - interval '10 minutes'`);
    const summary = await runReconcilePass({ customerId: "c1" });
    expect(summary).toMatchObject({ namesQueued: 1, configurationsQueued: 1 });
    const jobs = await rows<{ kind: string; status: string; triggeredBy: string }>(
      `SELECT kind::text, status::text, "triggeredBy" FROM "Job" WHERE "customerId" = 'c1' ORDER BY kind`,
    );
    expect(jobs).toEqual([
      { kind: "SYNC_CONFIGURATIONS", status: "QUEUED", triggeredBy: "system:reconcile" },
      { kind: "SYNC_NAMES", status: "QUEUED", triggeredBy: "system:reconcile" },
    ]);
    // A second pass queues nothing more while those jobs are live.
    expect(await runReconcilePass({ customerId: "c1" })).toMatchObject({ namesQueued: 0, configurationsQueued: 0 });
  });
});
