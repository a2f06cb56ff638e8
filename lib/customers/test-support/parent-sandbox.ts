// Tests of provisioning and rotation: a sandbox whose parent application is Onramp's, and an operator.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { DEFAULT_PARENT, startSandbox, type SandboxHandle } from "@/sandbox/server";

export async function startParentSandbox(): Promise<{ sandbox: SandboxHandle; actor: Actor }> {
  const sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, {
    LINKEDIN_CLIENT_ID: DEFAULT_PARENT.clientId,
    LINKEDIN_CLIENT_SECRET: DEFAULT_PARENT.clientSecret,
    LINKEDIN_MAX_ATTEMPTS: "1",
  });
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  return { sandbox, actor: { userId: u.id, email: u.email, role: "OPERATOR", customerId: null } };
}
