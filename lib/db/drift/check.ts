// Drift check: do the applied migrations build the schema that schema.prisma describes? Prisma Migrate
// answers this with its schema engine (`migrate diff`), which cannot run here; this compares Prisma's
// own reading of schema.prisma (DMMF) with pg_catalog instead. Used by the test suite.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { schemaShapeFromDatabase } from "./from-database";
import { schemaShapeFromPrisma } from "./from-prisma";
import { compareSchemas } from "./shape";

export const DEFAULT_SCHEMA_PATH = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));

export interface DriftCheckOptions {
  /** A database the migrations were applied to. */
  databaseUrl: string;
  /** schema.prisma's text; read from prisma/schema.prisma when omitted. */
  schemaText?: string;
}

/** Every difference between schema.prisma and the database, in words; empty when there is no drift. */
export async function findSchemaDrift(options: DriftCheckOptions): Promise<string[]> {
  const expected = schemaShapeFromPrisma(options.schemaText ?? readFileSync(DEFAULT_SCHEMA_PATH, "utf8"));
  const actual = await schemaShapeFromDatabase(options.databaseUrl);
  return compareSchemas(expected, actual);
}
