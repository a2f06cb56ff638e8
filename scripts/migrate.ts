// `tsx scripts/migrate.ts` applies pending migrations to DATABASE_URL (same books as `prisma migrate
// deploy`); `tsx scripts/migrate.ts status` lists applied and pending ones and changes nothing.
import { launcherEnv } from "@/lib/env";
import { migrate, migrationStatus } from "@/lib/db/migrate";

async function main(command: string | undefined): Promise<number> {
  const databaseUrl = launcherEnv().DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: it names the database to migrate (see .env.example).");
    return 1;
  }
  if (command === "status") {
    const status = await migrationStatus({ databaseUrl });
    for (const name of status.applied) console.log(`applied  ${name}`);
    for (const name of status.pending) console.log(`pending  ${name}`);
    for (const problem of status.problems) console.error(`problem  ${problem}`);
    return status.problems.length > 0 ? 1 : 0;
  }
  if (command !== undefined && command !== "deploy") {
    console.error(`Unknown command "${command}". Use: tsx scripts/migrate.ts [deploy|status]`);
    return 2;
  }
  const applied = await migrate({ databaseUrl, log: (m) => console.log(m) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Nothing to apply.");
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A refusal (MigrationRefusedError) already says what to do; print messages, not stacks.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
