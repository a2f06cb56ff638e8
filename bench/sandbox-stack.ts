// What the benchmarks that talk to LinkedIn share: a fresh database on the test server, migrated, and the LinkedIn
// sandbox, with the process environment pointing Onramp at both (secrets fresh for the run).

import { migrate } from "@/lib/db/migrate";
import { launcherEnv, setProcessEnv } from "@/lib/env";
import { type SandboxHandle, startSandbox } from "@/sandbox/server";
import { createFreshDatabase, testDatabaseServer } from "@/scripts/stack/database";
import { freshTestSecrets } from "@/scripts/stack/secrets";

export type BenchStack = { sandbox: SandboxHandle; databaseUrl: string; close(): Promise<void> };

export async function startBenchStack(databaseName: string, env: Record<string, string>): Promise<BenchStack> {
  const le = launcherEnv();
  const server = await testDatabaseServer(le.TEST_DATABASE_URL ?? le.DATABASE_URL);
  const database = await createFreshDatabase(server.url, databaseName);
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", allowInsecureCallbacks: true });
  const close = async () => {
    await sandbox.close();
    await database.drop().catch((e: unknown) => console.error(`[bench] could not drop ${databaseName}:`, e));
    await server.stop();
  };
  try {
    await migrate({ databaseUrl: database.url });
    setProcessEnv({
      ...freshTestSecrets(),
      DATABASE_URL: database.url,
      PUBLIC_URL: "http://localhost:3000",
      LINKEDIN_API_URL: sandbox.url,
      LINKEDIN_OAUTH_URL: sandbox.url,
      LINKEDIN_PLATFORM_URL: sandbox.url,
      LOG_LEVEL: "error",
      JOBS_WORKERS: "false",
      ...env,
    });
  } catch (e) {
    await close();
    throw e;
  }
  return { sandbox, databaseUrl: database.url, close };
}
