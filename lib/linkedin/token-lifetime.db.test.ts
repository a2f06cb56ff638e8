// L1: two-legged tokens live 30 minutes and have no refresh token. A long sync across several token lifetimes
// (a short lifetime in the sandbox, expires_in written as a string) renews each token ahead of its expiry: no
// 401 reaches the caller, and the sandbox sees several tokens, each used only while it was valid.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { integrationTuple } from "./compound-key";
import { syncIntegrationNames } from "./integration-names";
import { createTestApplication } from "./test-support/applications";
import { useLinkedInAt } from "./test-support/env";

let sandbox: SandboxHandle;
const TOKEN_SECONDS = 3;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    tokenTtlSeconds: TOKEN_SECONDS,
    expiresInAs: "string",
    batchSpacingMs: 1000,
  });
  useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "1000", LINKEDIN_TOKEN_RENEW_MARGIN_SECONDS: "1" });
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

describe("tokens across a long sync (L1)", () => {
  it("renews 3-second tokens ahead of expiry through a sync of 9 paced batches: no 401 reaches the caller", async () => {
    const clientId = `tok-${randomUUID()}`;
    const clientSecret = `tok-secret-${randomUUID()}`;
    sandbox.state.putApplication({ clientId, clientSecret, kind: "customer", createdBy: "admin" });
    const app = await createTestApplication({ clientId, clientSecret });
    const tuples = Array.from({ length: 900 }, (_, i) =>
      integrationTuple({
        integrationContext: `urn:li:organization:${i + 1}`,
        integrationType: "ONE_CLICK_EXPORT",
        tenantType: "RECRUITER",
      }),
    );
    for (const t of tuples) sandbox.state.authorizeIntegration(clientId, t);

    const results = await syncIntegrationNames(
      app,
      tuples.map((tuple, i) => ({ tuple, name: `Long sync ${i}` })),
    );

    expect(results.filter((r) => !r.ok)).toEqual([]);
    const calls = sandbox.state.calls.filter((c) => c.clientId === clientId);
    const batches = calls.filter((c) => c.endpoint === "batch_partial_update");
    expect(batches).toHaveLength(9);
    // The batches span more than two token lifetimes (≥ 8 spacings of 1 s), so one token could not have served them.
    expect((batches.at(-1)?.at ?? 0) - (batches[0]?.at ?? 0)).toBeGreaterThan(2 * TOKEN_SECONDS * 1000);
    const tokens = [...sandbox.state.tokens.values()].filter((t) => t.clientId === clientId);
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toBeNull();
  });
});
