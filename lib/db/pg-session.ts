// One connection of plain node-postgres for the tools that run before or beside the app (creating databases,
// migrating): opened, used and always closed, named for pg_stat_activity. No "server-only", no lib/env.
import pg from "pg";

export async function withPgClient<T>(
  connectionString: string,
  applicationName: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: applicationName });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
