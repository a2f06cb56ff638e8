// Worker process of bench/sync.bench.ts: runs the SYNC_NAMES handler with several concurrent pg-boss
// workers (the app's startWorkers() runs one job per kind at a time; many customers in parallel is the
// point of the benchmark). Started with `node --import tsx` and TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json
// because the worker's import graph reaches next/navigation, which the react-server condition breaks.
import { JobKind } from "@/lib/db/enums";
import { syncNamesJob } from "@/lib/integrations/jobs";
import { getBoss, queueName } from "@/lib/jobs/boss";
import type { QueuedJobData } from "@/lib/jobs/tracker";
import { runOne } from "@/lib/jobs/run";

async function main(): Promise<void> {
  const concurrency = Math.max(1, Number(process.argv[2] ?? 20));
  const boss = await getBoss();
  for (let i = 0; i < concurrency; i++) {
    await boss.work<QueuedJobData>(
      queueName(JobKind.SYNC_NAMES),
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job) await runOne(syncNamesJob, job);
      },
    );
  }
  process.stdout.write("ready\n");
}

main().catch((err: unknown) => {
  process.stderr.write(`sync bench worker failed: ${String(err)}\n`);
  process.exit(1);
});
