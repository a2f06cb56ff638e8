import "server-only";
// Readiness for load balancers and orchestrators: the database answers and the schema is migrated
// (the newest migration this build knows is applied). Says nothing about customers or secrets.
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown" };

export async function checkHealth(): Promise<Health> {
  try {
    const rows = await db.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM "_prisma_migrations" WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL`;
    const pending = Number(rows[0]?.pending ?? 0);
    return { status: pending === 0 ? "ok" : "unavailable", database: "ok", migrations: pending === 0 ? "ok" : "pending" };
  } catch (err) {
    // Not ready: the answer carries no detail (the probe is public), the log does.
    logger().warn({ err }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable", migrations: "unknown" };
  }
}
