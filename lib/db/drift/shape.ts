// The database schema reduced to what Prisma Migrate manages, so that what schema.prisma describes
// (from-prisma.ts) and what the migrations built (from-database.ts) can be compared name by name.
// CHECK constraints are outside it: Prisma's schema language cannot express them.

export interface ColumnShape {
  /** As PostgreSQL's format_type() prints it, without quotes: "text", "timestamp(3) without time zone", "Role[]". */
  type: string;
  nullable: boolean;
  /** The default with its cast and quotes removed ("ATS", "0", "CURRENT_TIMESTAMP"); null when none. */
  default: string | null;
}

export interface IndexShape {
  unique: boolean;
  /** Column names in key order; " DESC" appended for descending keys. */
  columns: string[];
  method: string;
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Every index except the primary key's, by name. */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface SchemaShape {
  /** Enum name → values in declaration order. */
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compareNamed<T>(
  label: (name: string) => string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  describeValue: (value: T) => string,
  out: string[],
): void {
  for (const [name, value] of Object.entries(expected)) {
    const found = actual[name];
    if (found === undefined) out.push(`${label(name)} is in schema.prisma but not in the database`);
    else if (!same(value, found)) {
      out.push(
        `${label(name)} differs: schema.prisma has ${describeValue(value)}, the database has ${describeValue(found)}`,
      );
    }
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) out.push(`${label(name)} is in the database but not in schema.prisma`);
  }
}

const describeColumn = (c: ColumnShape) =>
  `${c.type} ${c.nullable ? "NULL" : "NOT NULL"}${c.default === null ? "" : ` DEFAULT ${c.default}`}`;
const describeIndex = (i: IndexShape) => `${i.unique ? "UNIQUE " : ""}${i.method} (${i.columns.join(", ")})`;
const describeForeignKey = (f: ForeignKeyShape) =>
  `(${f.columns.join(", ")}) → ${f.referencedTable}(${f.referencedColumns.join(", ")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;

/** Every difference, in words that name the table, column, index or enum; empty when there is no drift. */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  compareNamed(
    (n) => `enum "${n}"`,
    expected.enums,
    actual.enums,
    (values) => values.join(", "),
    out,
  );
  for (const [table, shape] of Object.entries(expected.tables)) {
    const found = actual.tables[table];
    if (!found) {
      out.push(`table "${table}" is in schema.prisma but not in the database`);
      continue;
    }
    compareNamed((n) => `column "${table}"."${n}"`, shape.columns, found.columns, describeColumn, out);
    if (!same(shape.primaryKey, found.primaryKey)) {
      const pk = (p: TableShape["primaryKey"]) => (p ? `${p.name} (${p.columns.join(", ")})` : "none");
      out.push(
        `primary key of "${table}" differs: schema.prisma has ${pk(shape.primaryKey)}, the database has ${pk(found.primaryKey)}`,
      );
    }
    compareNamed((n) => `index "${n}" on "${table}"`, shape.indexes, found.indexes, describeIndex, out);
    compareNamed(
      (n) => `foreign key "${n}" on "${table}"`,
      shape.foreignKeys,
      found.foreignKeys,
      describeForeignKey,
      out,
    );
  }
  for (const table of Object.keys(actual.tables)) {
    if (!(table in expected.tables)) out.push(`table "${table}" is in the database but not in schema.prisma`);
  }
  return out;
}
