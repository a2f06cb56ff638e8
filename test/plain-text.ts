// Where a secret sits in the database as plain text (C3): every column of every row of every table, read as text.
// Answers the tables that hold it; a secret stored only encrypted gives [].
import { db } from "@/lib/db/client";

export async function tablesHoldingPlainText(secret: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  if (tables.length < 10) throw new Error(`only ${tables.length} tables: is this Onramp's database?`);
  const holding: string[] = [];
  for (const { table_name } of tables) {
    const hits = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name.replace(/"/g, '""')}" t WHERE t::text LIKE $1`,
      `%${secret}%`,
    );
    if (Number(hits[0]?.n ?? 0) > 0) holding.push(table_name);
  }
  return holding;
}
