// An Onramp instance for lib/runtime/shutdown.db.test.ts (issue 24 point 5), as small as a real one can be: the
// real job workers (startWorkers: every kind, the schedules, the webhook sender), one lane of the test's queue
// whose handler holds its job until GET /release, and a node:http server answering GET /health with the app's
// readiness, stopped by SIGINT/SIGTERM through the same routine as scripts/serve.ts. Started by Node with tsx
// (test/onramp-process.ts says why); prints "listening on <port>" once it serves and works.
import { createServer } from "node:http";
import { env, processEnvSnapshot } from "@/lib/env";
import { checkHealth } from "@/lib/health/check";
import { getBoss } from "@/lib/jobs/boss";
import { workQueue } from "@/lib/jobs/work";
import { startWorkers } from "@/server/worker";
import { logger } from "@/lib/log/logger";
import { onShutdown, stopOnSignals, webServerStop } from "@/lib/runtime/shutdown";

async function main(): Promise<void> {
  const queue = processEnvSnapshot().STOPPING_INSTANCE_QUEUE;
  if (!queue) throw new Error("STOPPING_INSTANCE_QUEUE is not set");
  stopOnSignals({ timeoutMs: env().SHUTDOWN_TIMEOUT_MS, log: logger() });
  await startWorkers();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  workQueue(await getBoss(), queue, { lanes: 1, pollingIntervalMs: 100 }, async (job) => {
    logger().info({ queueJobId: job.id }, "test job started");
    await released;
    return { finished: true };
  });
  const server = createServer((req, res) => {
    if (req.url === "/release") {
      release();
      res.end("released");
      return;
    }
    void checkHealth().then((health) => {
      res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(health));
    });
  });
  onShutdown("web", webServerStop(server));
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening on ${typeof address === "object" && address ? address.port : 0}`);
  });
}

main().catch((e: unknown) => {
  console.error("stopping-instance failed to start:", e);
  process.exit(1);
});
