// Tests of provisioning and rotation: a sandbox whose parent application is Onramp's, and an operator.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { setTestEnv, useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { DEFAULT_PARENT, type SandboxHandle, startSandbox } from "@/sandbox/server";

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

/**
 * Starts the parent sandbox before a test file's tests (then sets `env`) and closes it (and the database pool)
 * after them. The handle is read through its getters once beforeAll has run.
 */
export function parentSandboxPerFile(env: Record<string, string> = {}): {
  readonly sandbox: SandboxHandle;
  readonly actor: Actor;
} {
  let started: { sandbox: SandboxHandle; actor: Actor } | undefined;
  beforeAll(async () => {
    started = await startParentSandbox();
    setTestEnv(env);
  });
  afterAll(async () => {
    await started?.sandbox.close();
    await disconnectDb();
  });
  const get = () => {
    if (!started) throw new Error("parentSandboxPerFile: read the sandbox inside a test, not at load time");
    return started;
  };
  return {
    get sandbox() {
      return get().sandbox;
    },
    get actor() {
      return get().actor;
    },
  };
}
