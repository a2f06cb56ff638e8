// One statement (or a script of several, without values) on a connection of its own, closed after: for
// tests that set up what the app under test must not see coming (a trigger, a terminated backend).
import pg from "pg";

export async function runSql(databaseUrl: string, text: string, values?: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}
