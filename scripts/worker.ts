// A process that runs only job workers, for deployments that separate web and workers
// (`JOBS_WORKERS=false` on the web instances): `tsx --conditions=react-server scripts/worker.ts`.
import { startWorkers } from "@/lib/jobs/worker";
import { stopBoss } from "@/lib/jobs/boss";
import { disconnectDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

async function main() {
  await startWorkers();
  const stop = async () => {
    logger().info("stopping job workers");
    await stopBoss();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e: unknown) => {
  console.error("worker failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
