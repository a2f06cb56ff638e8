// The migrations build exactly the schema that schema.prisma describes, and the check notices when
// one is edited without the other.
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { DEFAULT_SCHEMA_PATH, findSchemaDrift } from "./check";
import { defaultConstraintName, schemaShapeFromPrisma } from "./from-prisma";
import { normaliseDefault } from "./from-database";

const schemaText = readFileSync(DEFAULT_SCHEMA_PATH, "utf8");
// The run's database, migrated by test/global-setup.ts with the real prisma/migrations.
const databaseUrl = () => env().DATABASE_URL;

describe("schema drift", () => {
  it("finds none between schema.prisma and the applied migrations", async () => {
    expect(await findSchemaDrift({ databaseUrl: databaseUrl() })).toEqual([]);
  });

  it("names a field added to schema.prisma without a migration", async () => {
    const edited = schemaText.replace(
      "  displayName             String\n",
      "  displayName             String\n  nickname                String?\n",
    );
    expect(edited).not.toBe(schemaText);
    expect(await findSchemaDrift({ databaseUrl: databaseUrl(), schemaText: edited })).toEqual([
      'column "Customer"."nickname" is in schema.prisma but not in the database',
    ]);
  });

  it("names an index changed in schema.prisma without a migration", async () => {
    const edited = schemaText.replace("  @@index([createdAt(sort: Desc)])\n", "  @@index([createdAt])\n");
    expect(edited).not.toBe(schemaText);
    expect(await findSchemaDrift({ databaseUrl: databaseUrl(), schemaText: edited })).toEqual([
      'index "AuditLog_createdAt_idx" on "AuditLog" differs: schema.prisma has btree (createdAt), the database has btree (createdAt DESC)',
    ]);
  });

  it("names changed nullability, defaults, enum values, referential actions and removed models", async () => {
    const edited = schemaText
      .replace("  name         String?\n  // argon2id", "  name         String\n  // argon2id")
      .replace(
        'dataProvider         String           @default("ATS")',
        'dataProvider         String           @default("CRM")',
      )
      .replace("  ENABLED\n}", "  ENABLED\n  DISABLED\n}")
      .replace(
        "@relation(fields: [customerId], references: [id], onDelete: Restrict)",
        "@relation(fields: [customerId], references: [id], onDelete: Cascade)",
      )
      .replace(/\n\/\/ Sliding-window rate limits[\s\S]*?@@index\(\[key, at\]\)\n}\n/, "\n");
    const drift = await findSchemaDrift({ databaseUrl: databaseUrl(), schemaText: edited });
    expect(drift).toEqual(
      expect.arrayContaining([
        'column "User"."name" differs: schema.prisma has text NOT NULL, the database has text NULL',
        'column "Integration"."dataProvider" differs: schema.prisma has text NOT NULL DEFAULT CRM, the database has text NOT NULL DEFAULT ATS',
        'enum "OnboardingStatus" differs: schema.prisma has REQUESTED, PARTNER_READY, ENABLED, DISABLED, the database has REQUESTED, PARTNER_READY, ENABLED',
        'foreign key "User_customerId_fkey" on "User" differs: schema.prisma has (customerId) → Customer(id) ON DELETE CASCADE ON UPDATE CASCADE, the database has (customerId) → Customer(id) ON DELETE RESTRICT ON UPDATE CASCADE',
        'table "RateLimitHit" is in the database but not in schema.prisma',
      ]),
    );
    expect(drift).toHaveLength(5);
  });

  it("refuses to run once the applied init migration has been edited", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onramp-migrations-"));
    try {
      cpSync(new URL("../../../prisma/migrations", import.meta.url), dir, { recursive: true });
      appendFileSync(
        path.join(dir, "20261122000000_init", "migration.sql"),
        '\nCREATE INDEX "User_name_idx" ON "User"("name");\n',
      );
      await expect(migrate({ databaseUrl: databaseUrl(), migrationsDir: dir })).rejects.toThrow(
        /20261122000000_init was modified after it was applied.*create a new migration instead of editing an applied one/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await findSchemaDrift({ databaseUrl: databaseUrl() })).toEqual([]);
  });
});

describe("Prisma's naming and type conventions", () => {
  it("cuts long constraint names to 63 characters as Prisma Migrate does", () => {
    // The name Prisma's schema engine generated for Integration's @@unique (see the init migration).
    expect(
      defaultConstraintName(
        "Integration",
        ["customerId", "integrationContext", "integrationType", "tenantType", "dataProvider"],
        "key",
      ),
    ).toBe("Integration_customerId_integrationContext_integrationType_t_key");
    expect(defaultConstraintName("User", ["customerId"], "fkey")).toBe("User_customerId_fkey");
    expect(defaultConstraintName("User", [], "pkey")).toBe("User_pkey");
  });

  it("maps @db.Date, lists, Json and enums to PostgreSQL types", () => {
    const shape = schemaShapeFromPrisma(schemaText);
    expect(shape.tables.LinkedInCallCount!.columns.day!.type).toBe("date");
    expect(shape.tables.Customer!.columns.offeredIntegrationTypes).toEqual({
      type: "text[]",
      nullable: true,
      default: null,
    });
    expect(shape.tables.AuditLog!.columns.details!.type).toBe("jsonb");
    expect(shape.tables.User!.columns.role!.type).toBe("Role");
    expect(shape.tables.User!.columns.updatedAt).toEqual({
      type: "timestamp(3) without time zone",
      nullable: false,
      default: null,
    });
  });

  it("reads PostgreSQL defaults without their casts", () => {
    expect(normaliseDefault(`'ATS'::text`)).toBe("ATS");
    expect(normaliseDefault(`'REQUESTED'::"OnboardingStatus"`)).toBe("REQUESTED");
    expect(normaliseDefault(`'it''s'::text`)).toBe("it's");
    expect(normaliseDefault("CURRENT_TIMESTAMP")).toBe("CURRENT_TIMESTAMP");
    expect(normaliseDefault(`nextval('"Thing_id_seq"'::regclass)`)).toBe("autoincrement");
    expect(normaliseDefault(null)).toBeNull();
  });
});
