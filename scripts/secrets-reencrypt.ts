// `npm run secrets:reencrypt [-- --batch-size N]`: seals every stored secret and cached token again under
// ONRAMP_ENCRYPTION_KEY / ONRAMP_ENCRYPTION_KEY_ID (lib/key-rotation/reencrypt.ts), so the old key can be
// removed from ONRAMP_ENCRYPTION_OLD_KEYS. Safe to re-run and to kill: it resumes where it stopped.
// Prints counts per kind and the id of each row it could not do; never a secret. Exits 1 if any failed.
import { z } from "zod";

const argsSchema = z.object({
  batchSize: z.coerce.number().int("--batch-size must be a whole number").min(1).max(10_000).default(100),
});

async function main() {
  const i = process.argv.indexOf("--batch-size");
  const args = argsSchema.safeParse({ batchSize: i >= 0 ? process.argv[i + 1] : undefined });
  if (!args.success) throw new Error(args.error.issues.map((x) => x.message).join("; "));
  const { reencryptAllSecrets } = await import("@/lib/key-rotation/reencrypt");
  const { disconnectDb } = await import("@/lib/db/client");
  const report = await reencryptAllSecrets({ batchSize: args.data.batchSize });
  await disconnectDb();
  console.log(`Re-encrypting under key "${report.keyId}":`);
  for (const k of report.kinds) {
    console.log(
      `  ${k.kind}: ${k.reencrypted} re-encrypted, ${k.alreadyCurrent} already current, ${k.failed.length} failed`,
    );
    for (const f of k.failed) console.log(`    failed ${k.kind} ${f.id}: ${f.reason}`);
  }
  const changed = report.kinds.reduce((n, k) => n + k.reencrypted, 0);
  const failed = report.kinds.reduce((n, k) => n + k.failed.length, 0);
  console.log(changed === 0 ? "Nothing changed by this run." : `Done: ${changed} re-encrypted.`);
  if (failed > 0) {
    console.log(`${failed} failed: keep the old key configured, fix or remove those rows, and run again.`);
    process.exit(1);
  }
  console.log(
    `Every secret is under key "${report.keyId}"; the old keys can be removed from ONRAMP_ENCRYPTION_OLD_KEYS.`,
  );
}

main().catch((e: unknown) => {
  console.error(`secrets:reencrypt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
