// A separate Onramp process that only sends webhooks, for the crash test in lib/webhooks/delivery.db.test.ts:
// it runs the sender loop (startWebhookSender, as every instance does) with the environment it was given and
// prints "ready"; the test kills it with SIGKILL while a delivery is in flight. Run with `node --import tsx`
// and TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json, as test/onramp-process.ts does.
import { startWebhookSender } from "@/lib/webhooks/send";

startWebhookSender();
process.stdout.write("ready\n");
