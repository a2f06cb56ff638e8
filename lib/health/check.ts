import "server-only";
// Readiness for load balancers and orchestrators: the database answers and the schema is migrated
// (the newest migration this build knows is applied). Says nothing about customers or secrets.
import { join } from "node:path";
import { migrationStatus } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown" };

/**
 * Migrated means every migration this build ships is applied (not only "no unfinished row": a migration
 * never started left no row at all). `migrationsDir` is for tests.
 */
export async function checkHealth(options: { migrationsDir?: string } = {}): Promise<Health> {
  try {
    // The folder beside the running app (npm start runs in the repository): a bundled module's own URL
    // does not point at prisma/ inside the Next build.
    const migrationsDir = options.migrationsDir ?? join(process.cwd(), "prisma", "migrations");
    const status = await migrationStatus({ databaseUrl: env().DATABASE_URL, migrationsDir });
    const migrated = status.pending.length === 0 && status.problems.length === 0;
    return { status: migrated ? "ok" : "unavailable", database: "ok", migrations: migrated ? "ok" : "pending" };
  } catch (err) {
    // Not ready: the answer carries no detail (the probe is public), the log does.
    logger().warn({ err }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable", migrations: "unknown" };
  }
}
