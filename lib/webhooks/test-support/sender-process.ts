// A separate Onramp process that only sends webhooks, for the crash test in lib/webhooks/delivery.db.test.ts:
// it runs the webhook deliveries loop (server/composition.ts, as every instance does) with the environment it was
// given and prints "ready"; the test kills it with SIGKILL while a delivery is in flight. Run with `node --import tsx`
// and TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json, as test/onramp-process.ts does.
import { startLoop } from "@/lib/jobs/loop";
import { webhookDeliveries } from "@/server/composition";

startLoop(webhookDeliveries);
process.stdout.write("ready\n");
