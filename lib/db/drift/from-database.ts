// What the migrations actually built: read from pg_catalog into the same shape as from-prisma.ts.
import pg from "pg";
import type { ReferentialAction, SchemaShape, TableShape } from "./shape";

/** Prisma's bookkeeping table; not part of the data model. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

const ACTION_CODES: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** "'ATS'::text" → "ATS", "'REQUESTED'::\"OnboardingStatus\"" → "REQUESTED", "nextval(…)" → "autoincrement". */
export function normaliseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (/^nextval\(/.test(expression)) return "autoincrement";
  const quoted = /^'((?:[^']|'')*)'(?:::.+)?$/s.exec(expression);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/''/g, "'");
  return expression.replace(/::[\w" .()[\],]+$/, "");
}

const unquote = (identifier: string) =>
  identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier;

export async function schemaShapeFromDatabase(databaseUrl: string, schema = "public"): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "onramp-drift" });
  await client.connect();
  try {
    const shape: SchemaShape = { enums: {}, tables: {} };
    const tableOf = (name: string): TableShape =>
      (shape.tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} });

    const enums = await client.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
      [schema],
    );
    for (const row of enums.rows) shape.enums[row.name] = [...(shape.enums[row.name] ?? []), row.value];

    const columns = await client.query<{
      table: string;
      column: string;
      type: string;
      notnull: boolean;
      def: string | null;
    }>(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
        ORDER BY c.relname, a.attnum`,
      [schema],
    );
    for (const row of columns.rows) {
      if (IGNORED_TABLES.has(row.table)) continue;
      tableOf(row.table).columns[row.column] = {
        type: row.type.replace(/"/g, ""),
        nullable: !row.notnull,
        default: normaliseDefault(row.def),
      };
    }

    const indexes = await client.query<{
      table: string;
      name: string;
      unique: boolean;
      primary: boolean;
      method: string;
      keys: string[];
      desc: boolean[];
      partial: boolean;
    }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              am.amname AS method, ix.indpred IS NOT NULL AS partial,
              array(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) AS keys,
              array(SELECT (ix.indoption[k - 1] & 1) = 1 FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) AS desc
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = $1
        ORDER BY t.relname, i.relname`,
      [schema],
    );
    for (const row of indexes.rows) {
      if (IGNORED_TABLES.has(row.table)) continue;
      const keys = row.keys.map(unquote);
      const table = tableOf(row.table);
      if (row.primary) {
        table.primaryKey = { name: row.name, columns: keys };
        continue;
      }
      table.indexes[row.name] = {
        unique: row.unique,
        columns: keys.map((k, i) => (row.desc[i] ? `${k} DESC` : k)),
        // A partial index is something schema.prisma cannot describe; make it show as a difference.
        method: row.partial ? `${row.method} (partial)` : row.method,
      };
    }

    const fks = await client.query<{
      table: string;
      name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT t.relname AS table, con.conname AS name, rt.relname AS ref_table,
              array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, pos)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.pos) AS columns,
              array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, pos)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.pos) AS ref_columns,
              con.confdeltype AS on_delete, con.confupdtype AS on_update
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class rt ON rt.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE con.contype = 'f' AND n.nspname = $1
        ORDER BY t.relname, con.conname`,
      [schema],
    );
    for (const row of fks.rows) {
      if (IGNORED_TABLES.has(row.table)) continue;
      tableOf(row.table).foreignKeys[row.name] = {
        columns: row.columns,
        referencedTable: row.ref_table,
        referencedColumns: row.ref_columns,
        onDelete: ACTION_CODES[row.on_delete] ?? "NO ACTION",
        onUpdate: ACTION_CODES[row.on_update] ?? "NO ACTION",
      };
    }
    return shape;
  } finally {
    await client.end();
  }
}
