// A separate Onramp worker process for the crash test (lib/integrations/sync-crash.db.test.ts, started with
// test/onramp-process.ts): it runs the job workers with the environment it was given and prints "ready"; the
// test kills it with SIGKILL mid-job, as a crashed server would die. Run with `node --import tsx` and
// TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json (the react-server condition would break
// next/navigation, which the worker's import graph reaches; the tsx CLI would put the worker in a grandchild
// that outlives the kill).
import { startWorkers } from "@/server/worker";

startWorkers().then(
  () => process.stdout.write("ready\n"),
  (err: unknown) => {
    process.stderr.write(`worker process failed to start: ${String(err)}\n`);
    process.exit(1);
  },
);
