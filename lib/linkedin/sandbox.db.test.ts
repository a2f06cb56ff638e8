// The client against the running LinkedIn sandbox (sandbox/server.ts, docs/SANDBOX.md): the whole
// contract end to end, with faults injected through the sandbox's admin API.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { DEFAULT_PARENT, startSandbox, type SandboxHandle } from "@/sandbox/server";
import { callsToday } from "./call-count";
import { tupleId, type IntegrationTuple } from "./compound-key";
import { deleteIntegrationConfigurations, writeIntegrationConfigurations } from "./configurations";
import { ENDPOINTS } from "./endpoints";
import { LinkedInError } from "./errors";
import { syncIntegrationNames } from "./integration-names";
import { provisionApplication } from "./provisioning";
import { customerAppTokenContext } from "./secret-contexts";
import { lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
import { verifyApplicationCredentials } from "./token";
import { useLinkedInAt } from "./test-support/env";
import { sandboxCustomerWithIntegrations, sandboxRequestAbout } from "./test-support/sandbox-customer";
import { sandboxAdmin } from "@/lib/notifications/test-support/fixtures";

let sandbox: SandboxHandle;

const admin = sandboxAdmin(() => sandbox.url);

interface SandboxCall {
  at: number;
  endpoint: string;
  clientId: string | null;
  status: number;
  entityCount: number | null;
  fault: boolean;
}

async function callsOf(clientId: string, endpoint: string): Promise<SandboxCall[]> {
  const { calls } = await admin<{ calls: SandboxCall[] }>(
    "GET",
    `/calls?endpoint=${endpoint}&clientId=${encodeURIComponent(clientId)}`,
  );
  return calls;
}

const customerWithIntegrations = (count: number) => sandboxCustomerWithIntegrations(admin, count);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, {
    LINKEDIN_CLIENT_ID: DEFAULT_PARENT.clientId,
    LINKEDIN_CLIENT_SECRET: DEFAULT_PARENT.clientSecret,
  });
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

describe("against the LinkedIn sandbox", () => {
  it("C13/C26: 250 names go in 3 batches ≥1 s apart; an injected 429 and 500 are retried and every name ends synced", async () => {
    const { app, tuples } = await customerWithIntegrations(250);
    await admin("POST", "/faults", { endpoint: "batch_partial_update", status: 429, count: 1, retryAfterSeconds: 1 });
    await admin("POST", "/faults", { endpoint: "batch_partial_update", status: 500, count: 1 });

    const results = await syncIntegrationNames(
      app,
      tuples.map((tuple, i) => ({ tuple, name: `Acme integration ${i}` })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.every((r) => r.status === 204)).toBe(true);

    const calls = await callsOf(app.clientId, "batch_partial_update");
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [429, true],
      [500, true],
      [200, false],
      [200, false],
      [200, false],
    ]);
    expect(calls.filter((c) => !c.fault).map((c) => c.entityCount)).toEqual([100, 100, 50]);
    for (let i = 1; i < calls.length; i += 1)
      expect((calls[i] as SandboxCall).at - (calls[i - 1] as SandboxCall).at).toBeGreaterThanOrEqual(1000);
    const violations = await admin<{ spacingByApplication: Record<string, number> }>("GET", "/violations");
    expect(violations.spacingByApplication[app.clientId]).toBeUndefined();

    const counted = await callsToday(app.clientId);
    expect(counted.endpoints.find((e) => e.endpoint === ENDPOINTS.syncIntegrationNames)).toMatchObject({
      count: 5,
      rateLimitedCount: 1,
      errorCount: 1,
    });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.rateLimitedUntil).not.toBeNull();

    // C19b: LinkedIn now has every name.
    const statuses = await lookupStatusByTuples(app, tuples);
    expect(statuses.size).toBe(250);
    for (const [i, t] of tuples.entries()) {
      expect(statuses.get(tupleId(t))).toMatchObject({
        ok: true,
        integrationName: `Acme integration ${i}`,
        onboardingStatus: "REQUESTED",
      });
    }
    expect((await callsOf(app.clientId, "lookup_ids")).map((c) => c.entityCount)).toEqual([100, 100, 50]);
  });

  it("C14/C19b: lookup keys in the seed's documented order (unencoded) read the same as reordered ones", async () => {
    const { app, tuples } = await customerWithIntegrations(3);
    await admin("POST", "/settings", { lookupKeyStyle: "documented" });
    try {
      const statuses = await lookupStatusByTuples(app, tuples);
      expect([...statuses.values()].every((s) => s.ok && s.onboardingStatus === "REQUESTED")).toBe(true);
    } finally {
      await admin("POST", "/settings", { lookupKeyStyle: "answer" });
    }
  });

  it("C15/C16, L14, L15: writes CALLBACK_URL on ONE_CLICK_EXPORT and the sandbox keeps it; on IN_ATS_INDICATOR it is refused alone", async () => {
    const { app, tuples } = await customerWithIntegrations(2);
    const callbackUrl = `https://onramp.example.com/api/linkedin/callback/${randomUUID()}`;
    const [oneClick, indicator] = tuples as [IntegrationTuple, IntegrationTuple];
    expect(
      await writeIntegrationConfigurations(app, oneClick, {
        CALLBACK_URL: callbackUrl,
        JOB_POSTING_VIEWERS: "ALL_PRODUCT_USERS",
      }),
    ).toEqual({
      CALLBACK_URL: null,
      JOB_POSTING_VIEWERS: null,
    });
    const refused = await writeIntegrationConfigurations(app, indicator, {
      CALLBACK_URL: callbackUrl,
      APPLICATION_VIEWERS: "ALL_PRODUCT_USERS",
    });
    expect(refused.APPLICATION_VIEWERS).toBeNull();
    expect(refused.CALLBACK_URL).toMatch(
      /"Configuration key CALLBACK_URL is not supported for integration type IN_ATS_INDICATOR.*" \(HTTP 400\)/,
    );
    await deleteIntegrationConfigurations(app, oneClick, ["JOB_POSTING_VIEWERS"]);
    const state = await admin<{
      integrations: {
        clientId: string;
        integrationType: string;
        configurations: Record<string, { string?: string }>;
      }[];
    }>("GET", "/state");
    const ours = state.integrations.filter((i) => i.clientId === app.clientId);
    expect(ours.find((i) => i.integrationType === "ONE_CLICK_EXPORT")?.configurations).toEqual({
      CALLBACK_URL: { string: callbackUrl },
    });
    expect(ours.find((i) => i.integrationType === "IN_ATS_INDICATOR")?.configurations).toEqual({
      APPLICATION_VIEWERS: { string: "ALL_PRODUCT_USERS" },
    });
  });

  it("C19: q=request follows the sandbox's paging to the end", async () => {
    const { app, tuples } = await customerWithIntegrations(25);
    await syncIntegrationNames(
      app,
      tuples.map((tuple) => ({ tuple, name: "Named" })),
    );
    const requestId = await sandboxRequestAbout(admin, app.clientId, tuples);
    const found = await lookupStatusByRequest(app, requestId);
    expect(found.map((f) => tupleId(f.tuple)).sort()).toEqual(tuples.map(tupleId).sort());
    expect(found.every((f) => f.integrationName === "Named")).toBe(true);
    expect((await callsOf(app.clientId, "lookup_request")).map((c) => c.entityCount)).toEqual([10, 10, 5]);
  });

  it("L29 (CRM-005): a token LinkedIn ends early answers 401; one new token is asked for and the call succeeds", async () => {
    const { app, tuples } = await customerWithIntegrations(1);
    await lookupStatusByTuples(app, tuples);
    const tokensBefore = (await callsOf(app.clientId, "token")).length;
    // The sandbox's fault: the cached token expires now, though Onramp thinks it has minutes left.
    await admin("POST", "/tokens/expire", { clientId: app.clientId });
    const answer = (await lookupStatusByTuples(app, tuples)).get(tupleId(tuples[0] as IntegrationTuple));
    expect(answer).toMatchObject({ ok: true });
    const lookups = await callsOf(app.clientId, "lookup_ids");
    expect(lookups.slice(-2).map((c) => c.status)).toEqual([401, 200]);
    expect((await callsOf(app.clientId, "token")).length).toBe(tokensBefore + 1);
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toBeNull();
  });

  it("C27: a revoked token is renewed once and the call succeeds; refused keys tell the operator", async () => {
    const { app, tuples } = await customerWithIntegrations(1);
    await lookupStatusByTuples(app, tuples);
    const before = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    await admin("POST", "/tokens/revoke", { clientId: app.clientId });
    expect((await lookupStatusByTuples(app, tuples)).get(tupleId(tuples[0] as IntegrationTuple))).toMatchObject({
      ok: true,
    });
    const after = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(decryptSecret(after.accessTokenEnc as string, customerAppTokenContext(app.id))).not.toBe(
      decryptSecret(before.accessTokenEnc as string, customerAppTokenContext(app.id)),
    );

    // The customer's secret was rotated in LinkedIn: Onramp's copy no longer works.
    await admin("POST", "/applications", { clientId: app.clientId, clientSecret: "rotated-elsewhere" });
    await admin("POST", "/tokens/revoke", { clientId: app.clientId });
    const refused = (await lookupStatusByTuples(app, tuples)).get(tupleId(tuples[0] as IntegrationTuple));
    expect(refused).toMatchObject({ ok: false, status: 401 });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.lastAuthError).toMatch(/re-enter them in Onramp/);
  });

  it("C1: provisions an application, whose keys then work; the same uniqueForeignId again is a conflict", async () => {
    const foreignId = `cust-${randomUUID()}`;
    const created = await provisionApplication({
      uniqueForeignId: foreignId,
      customerName: "Acme LinkedIn Recruiting Department of Very Long Names",
      description: `Onramp customer ${foreignId}`,
      callbackUrls: [],
      jsSdkDomains: ["https://onramp.example.com"],
    });
    expect(created.clientId).toBeTruthy();
    expect(created.name).not.toMatch(/linkedin/i);
    expect(await verifyApplicationCredentials(created.clientId, created.clientSecret)).toEqual({ ok: true });
    expect((await verifyApplicationCredentials(created.clientId, "not-the-secret")).ok).toBe(false);

    const again = await provisionApplication({
      uniqueForeignId: foreignId,
      customerName: "Acme",
      description: "again",
      callbackUrls: [],
      jsSdkDomains: [],
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LinkedInError);
    expect((again as LinkedInError).kind).toBe("conflict");
  });
});
