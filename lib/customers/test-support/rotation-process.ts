// A separate process for the crash tests of secret rotation (lib/customers/secret-roll-crash.db.test.ts): it rotates the
// secret of the customer named in argv[2] with the environment it was given and stops at the point named in argv[3]
// ("answered": LinkedIn answered, nothing stored yet; "stored": the answer stored, not yet current). There it prints
// "paused:<point>" and waits until the test SIGKILLs it. Run with `node --import tsx` and
// TSX_TSCONFIG_PATH=lib/integrations/test-support/tsconfig.worker.json.
import type { RollPoint } from "@/lib/customers/secret-roll";
import { rotateCustomerSecret } from "@/lib/customers/secret-rotation";

const [customerId = "", stopAt = ""] = process.argv.slice(2);

async function pause(point: RollPoint): Promise<void> {
  if (point !== stopAt) return;
  process.stdout.write(`paused:${point}\n`);
  // Waits for the kill; the interval keeps the process alive meanwhile.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

rotateCustomerSecret({ system: "rotation-crash-test" }, customerId, new Date(), pause).then(
  () => process.stdout.write("rotated\n"),
  (err: unknown) => {
    process.stderr.write(`rotation failed: ${String(err)}\n`);
    process.exit(1);
  },
);
