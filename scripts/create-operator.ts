// Creates (or resets the password of) an operator for a production install, where no demo accounts
// exist: `npm run create-operator -- --email ops@vendor.com` then type the password when asked
// (or pipe it on standard input).
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { passwordSchema, hashPassword } from "@/lib/auth/password";

const argsSchema = z.object({ email: z.email("--email must be an email address").transform((e) => e.toLowerCase()) });

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answer = await rl.question("Password (at least 12 characters): ");
  rl.close();
  return answer.trim();
}

async function main() {
  const i = process.argv.indexOf("--email");
  const args = argsSchema.safeParse({ email: i >= 0 ? process.argv[i + 1] : undefined });
  if (!args.success) throw new Error(args.error.issues.map((x) => x.message).join("; "));
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) throw new Error(password.error.issues.map((x) => x.message).join("; "));
  const { db, disconnectDb } = await import("@/lib/db/client");
  const passwordHash = await hashPassword(password.data);
  const user = await db.user.upsert({
    where: { email: args.data.email },
    create: { email: args.data.email, role: "OPERATOR", passwordHash },
    update: { role: "OPERATOR", customerId: null, passwordHash, disabledAt: null },
  });
  await db.auditLog.create({
    data: {
      actorLabel: "system:create-operator",
      action: "user.operator_created",
      targetType: "User",
      targetId: user.id,
    },
  });
  console.log(`Operator ${user.email} is ready.`);
  await disconnectDb();
}

main().catch((e: unknown) => {
  console.error(`create-operator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
