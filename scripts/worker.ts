// A process that runs only job workers, for deployments that separate web and workers
// (`JOBS_WORKERS=false` on the web instances): `tsx --conditions=react-server scripts/worker.ts`.
// SIGINT/SIGTERM stop it as they stop the web server (lib/runtime/shutdown.ts, issue 24): jobs under way finish
// or are handed back, then the job engine and the database close; exit 0.
import { env } from "@/lib/env";
import { startWorkers } from "@/server/worker";
import { logger } from "@/lib/log/logger";
import { stopOnSignals } from "@/lib/runtime/shutdown";
import { startTracing } from "@/lib/tracing/setup";

async function main() {
  startTracing();
  stopOnSignals({ timeoutMs: env().SHUTDOWN_TIMEOUT_MS, log: logger() });
  await startWorkers();
}

main().catch((e: unknown) => {
  console.error("worker failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
