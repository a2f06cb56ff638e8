import "server-only";
// Readiness for load balancers and orchestrators: the database answers and the schema is migrated
// (every migration this build ships is applied), and the instance is not stopping. Says nothing about customers
// or secrets.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/runtime/shutdown";

export type Health =
  | {
      status: "ok" | "unavailable";
      database: "ok" | "unreachable";
      migrations: "ok" | "pending" | "unknown";
    }
  /** Issue 24: from the first stop signal on, so a load balancer sends nothing more while the instance drains. */
  | { status: "shutting down" };

/** The migration folders beside the running app (npm start runs in the repository; not a bundled module's URL). */
function shippedMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

/**
 * Migrated means every migration this build ships has finished (not only "no unfinished row": a
 * migration never started leaves no row at all). `migrationsDir` is for tests.
 */
export async function checkHealth(options: { migrationsDir?: string } = {}): Promise<Health> {
  if (isShuttingDown()) return { status: "shutting down" };
  try {
    const shipped = shippedMigrations(options.migrationsDir ?? join(process.cwd(), "prisma", "migrations"));
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    const applied = new Set(rows.map((r) => r.name));
    const migrated = shipped.every((name) => applied.has(name));
    return { status: migrated ? "ok" : "unavailable", database: "ok", migrations: migrated ? "ok" : "pending" };
  } catch (err) {
    // Not ready: the answer carries no detail (the probe is public), the log does.
    logger().warn({ err }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable", migrations: "unknown" };
  }
}
