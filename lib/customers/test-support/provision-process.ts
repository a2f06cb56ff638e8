// A separate process for the crash test of provisioning (lib/customers/provisioning.db.test.ts): it runs one
// provisioning of the customer named in argv[2] with the environment it was given. The test SIGKILLs it after
// LinkedIn answered and before the keys are committed. Run with `node --import tsx` and
// TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json.
import { provisionCustomerApplication } from "@/lib/customers/provisioning";

const customerId = process.argv[2] ?? "";
provisionCustomerApplication(customerId).then(
  (r) => process.stdout.write(`${r.result}\n`),
  (err: unknown) => {
    process.stderr.write(`provisioning failed: ${String(err)}\n`);
    process.exit(1);
  },
);
