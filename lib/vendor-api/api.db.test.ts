// The vendor API (issue #6) through its route handlers with real Requests: tokens and scopes, 400/422
// with field-level messages, 404 for unknown ids, keys checked against the LinkedIn sandbox and never
// returned (C3), provisioning (C1), callback URLs (C21) and cursor-paged integrations with updatedSince.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema, type ApiScope } from "@/lib/api-tokens/scopes";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db, disconnectDb } from "@/lib/db/client";
import { customerAppSecretContext } from "@/lib/linkedin";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { provisionCustomerApplication } from "@/lib/customers/provisioning";
import { DEFAULT_PARENT, startSandbox, type SandboxHandle } from "@/sandbox/server";
import { registerSandboxKeys } from "@/sandbox/test-support/applications";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as customerRoute from "@/app/api/v1/customers/[customerId]/route";
import * as applicationRoute from "@/app/api/v1/customers/[customerId]/application/route";
import * as provisioningRoute from "@/app/api/v1/customers/[customerId]/application/provisioning/route";
import * as callbackRoute from "@/app/api/v1/customers/[customerId]/callback-url/route";
import * as integrationsRoute from "@/app/api/v1/integrations/route";
import { callRoute, type CallOptions, type RouteTable } from "./test-support/call-route";

const ROUTES: RouteTable = [
  [/^\/customers$/, customersRoute],
  [/^\/customers\/(?<customerId>[^/]+)$/, customerRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/application$/, applicationRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/application\/provisioning$/, provisioningRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/callback-url$/, callbackRoute],
  [/^\/integrations$/, integrationsRoute],
];

let sandbox: SandboxHandle;
const tokens: Partial<Record<"all" | ApiScope, string>> = {};

function api(method: string, pathAndQuery: string, opts: CallOptions = {}) {
  return callRoute(ROUTES, tokens.all, method, pathAndQuery, opts);
}

const newCustomer = (over: Record<string, unknown> = {}) => ({
  displayName: `API Customer ${randomUUID().slice(0, 8)}`,
  foreignId: `api-${randomUUID()}`,
  offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY", "APPLY_CONNECT"],
  ...over,
});

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, {
    LINKEDIN_CLIENT_ID: DEFAULT_PARENT.clientId,
    LINKEDIN_CLIENT_SECRET: DEFAULT_PARENT.clientSecret,
    LINKEDIN_MAX_ATTEMPTS: "1",
  });
  const u = await db.user.create({
    data: { email: `api-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  tokens.all = (
    await createApiToken(
      actor,
      apiTokenCreateSchema.parse({
        name: "ats-backend",
        scopes: ["customers:read", "customers:write", "integrations:read"],
      }),
    )
  ).token;
  tokens["customers:read"] = (
    await createApiToken(actor, apiTokenCreateSchema.parse({ name: "reader", scopes: ["customers:read"] }))
  ).token;
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

describe("/api/v1 authentication", () => {
  it("401 without a token, 403 for a token without the scope", async () => {
    const none = await api("GET", "/customers", { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
    const readOnly = await api("POST", "/customers", { token: tokens["customers:read"], body: newCustomer() });
    expect(readOnly.status).toBe(403);
    expect(readOnly.json.error?.message).toMatch(/customers:write/);
  });
});

describe("/api/v1/customers", () => {
  it("creates a customer (201), audited as the token, then reads, lists by foreignId and updates it", async () => {
    const input = newCustomer();
    const created = await api("POST", "/customers", { body: input });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayName: input.displayName,
      foreignId: input.foreignId,
      archived: false,
      application: null,
    });
    const id = created.json.id as string;
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "customer.created" } });
    expect(audit.actorLabel).toBe("api-token:ats-backend");

    expect((await api("GET", `/customers/${id}`)).json).toMatchObject({ id });
    const listed = await api("GET", `/customers?foreignId=${encodeURIComponent(input.foreignId)}`);
    expect(listed.json).toMatchObject({ total: 1, data: [{ id }] });

    const patched = await api("PATCH", `/customers/${id}`, { body: { displayName: "Renamed Co", archived: true } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ displayName: "Renamed Co", archived: true });
    expect((await api("GET", `/customers?foreignId=${encodeURIComponent(input.foreignId)}`)).json).toMatchObject({
      total: 0,
    });
    expect(
      (await api("GET", `/customers?foreignId=${encodeURIComponent(input.foreignId)}&archived=all`)).json,
    ).toMatchObject({ total: 1 });
  });

  it("answers 422 with field-level messages for an invalid body, 400 for bad JSON or a bad query, 409 for a taken foreignId", async () => {
    const invalid = await api("POST", "/customers", {
      body: { displayName: "", foreignId: "has spaces", offeredIntegrationTypes: ["APPLY_CONNECT"] },
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error?.fieldErrors ?? {}).sort()).toEqual([
      "displayName",
      "foreignId",
      "offeredIntegrationTypes",
    ]);
    expect(invalid.json.error?.fieldErrors?.offeredIntegrationTypes?.[0]).toMatch(/Recruiter System Connect/);

    const unknownType = await api("POST", "/customers", {
      body: newCustomer({ offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY", "NOPE"] }),
    });
    expect(unknownType.status).toBe(422);
    expect(Object.keys(unknownType.json.error?.fieldErrors ?? {})).toEqual(["offeredIntegrationTypes.1"]);

    const extra = await api("POST", "/customers", { body: newCustomer({ clientSecret: "x" }) });
    expect(extra.status).toBe(422);

    const badJson = await api("POST", "/customers", { rawBody: "{not json" });
    expect(badJson.status).toBe(400);
    const badQuery = await api("GET", "/customers?page=abc&pageSize=1000");
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.json.error?.fieldErrors ?? {}).sort()).toEqual(["page", "pageSize"]);

    const first = newCustomer();
    expect((await api("POST", "/customers", { body: first })).status).toBe(201);
    const dup = await api("POST", "/customers", { body: newCustomer({ foreignId: first.foreignId }) });
    expect(dup.status).toBe(409);
    expect(dup.json.error?.fieldErrors?.foreignId?.[0]).toMatch(/already used/);
  });

  it("answers 404 for unknown customer ids on every customer route", async () => {
    for (const [method, path, body] of [
      ["GET", "/customers/nope"],
      ["PATCH", "/customers/nope", { displayName: "x" }],
      ["GET", "/customers/nope/application"],
      ["PUT", "/customers/nope/application", { clientId: "a", clientSecret: "b" }],
      ["POST", "/customers/nope/application/provisioning"],
      ["GET", "/customers/nope/callback-url"],
      ["GET", "/integrations?customerId=nope"],
    ] as const) {
      const res = await api(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("/api/v1 application keys (C1, C3)", () => {
  it("stores keys LinkedIn accepts, encrypted; refuses others with 422 and changes nothing; never returns the secret", async () => {
    const id = (await api("POST", "/customers", { body: newCustomer() })).json.id as string;
    const clientId = `api-keys-${randomUUID()}`;
    const clientSecret = `secret-${randomUUID()}`;
    await registerSandboxKeys(sandbox.url, clientId, clientSecret);

    const wrong = await api("PUT", `/customers/${id}/application`, {
      body: { clientId, clientSecret: "wrong-secret" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error?.message).toMatch(/do not work/);
    expect(await db.customerApplication.findUnique({ where: { customerId: id } })).toBeNull();

    const ok = await api("PUT", `/customers/${id}/application`, { body: { clientId, clientSecret } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ clientId, origin: "MANUAL", works: true });
    const row = await db.customerApplication.findUniqueOrThrow({ where: { customerId: id } });
    expect(row.clientSecretEnc).not.toContain(clientSecret);
    expect(decryptSecret(row.clientSecretEnc, customerAppSecretContext(row.id))).toBe(clientSecret);

    for (const path of [`/customers/${id}`, `/customers/${id}/application`, `/customers?search=${clientId}`]) {
      const res = await api("GET", path);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(clientSecret);
      expect(res.text).not.toContain(clientSecret.slice(-4));
    }
    const other = (await api("POST", "/customers", { body: newCustomer() })).json.id as string;
    const taken = await api("PUT", `/customers/${other}/application`, { body: { clientId, clientSecret } });
    expect(taken.status).toBe(409);
    expect(taken.json.error?.fieldErrors?.clientId).toBeDefined();
  });

  it("provisioning: 202 with a tracked job; the job's work stores LinkedIn's keys; a repeated uniqueForeignId recovers them (L5, L7)", async () => {
    const id = (await api("POST", "/customers", { body: newCustomer() })).json.id as string;
    const accepted = await api("POST", `/customers/${id}/application/provisioning`);
    expect(accepted.status).toBe(202);
    const jobId = accepted.json.jobId as string;
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ kind: "PROVISION_APPLICATION", customerId: id, payload: { customerId: id } });
    // Asking again while it is queued answers the same job.
    expect((await api("POST", `/customers/${id}/application/provisioning`)).json.jobId).toBe(jobId);
    const state = await api("GET", `/customers/${id}/application`);
    expect(state.json).toMatchObject({ application: null, provisioning: { jobId, status: "QUEUED" } });

    expect(await provisionCustomerApplication(id)).toMatchObject({ result: "provisioned", path: "created" });
    const app = await api("GET", `/customers/${id}/application`);
    expect(app.json).toMatchObject({ application: { origin: "PROVISIONED" } });
    expect((await api("POST", `/customers/${id}/application/provisioning`)).status).toBe(409);

    // LinkedIn already has an application for this foreignId: it is recovered (look-up + secret roll, L3–L7),
    // not made a second time.
    await db.customerApplication.delete({ where: { customerId: id } });
    expect(await provisionCustomerApplication(id)).toMatchObject({
      result: "provisioned",
      path: "recovered_after_conflict",
      clientId: (app.json.application as { clientId: string }).clientId,
    });
  });
});

describe("/api/v1 callback URL (C21)", () => {
  it("answers the customer's own URL", async () => {
    const id = (await api("POST", "/customers", { body: newCustomer() })).json.id as string;
    const res = await api("GET", `/customers/${id}/callback-url`);
    const customer = await db.customer.findUniqueOrThrow({ where: { id } });
    expect(res.json.callbackUrl).toBe(`http://localhost:3000/api/linkedin/callback/${customer.callbackKey}`);
  });
});

describe("/api/v1/integrations", () => {
  it("pages by cursor without gaps or repeats, filters, and reads incrementally with updatedSince", async () => {
    const id = (await api("POST", "/customers", { body: newCustomer() })).json.id as string;
    const base = Date.now() - 60_000;
    for (let i = 0; i < 7; i++) {
      await db.integration.create({
        data: {
          customerId: id,
          integrationContext: `urn:li:organization:${i}`,
          integrationType: "ONE_CLICK_EXPORT",
          tenantType: "RECRUITER",
          name: `Integration ${i}`,
          onboardingStatus: i < 3 ? "ENABLED" : "REQUESTED",
          // Two rows share each instant: the cursor must break ties by id.
          updatedAt: new Date(base + Math.floor(i / 2) * 1000),
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof api>> = await api(
        "GET",
        `/integrations?customerId=${id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      seen.push(...(res.json.data as { integrationContext: string }[]).map((i) => i.integrationContext));
      cursor = res.json.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `urn:li:organization:${i}`));

    const enabled = await api("GET", `/integrations?customerId=${id}&onboardingStatus=ENABLED`);
    expect((enabled.json.data as unknown[]).length).toBe(3);
    const since = new Date(base + 2000).toISOString();
    const recent = await api("GET", `/integrations?customerId=${id}&updatedSince=${since}`);
    expect((recent.json.data as { integrationContext: string }[]).map((i) => i.integrationContext)).toEqual(
      [4, 5, 6].map((i) => `urn:li:organization:${i}`),
    );

    const bad = await api("GET", `/integrations?updatedSince=yesterday&onboardingStatus=DONE&cursor=zzz`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error?.fieldErrors ?? {}).sort()).toEqual(["onboardingStatus", "updatedSince"]);
    const badCursor = await api("GET", `/integrations?cursor=zzz`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error?.fieldErrors?.cursor).toBeDefined();
    expect((await api("GET", "/integrations", { token: tokens["customers:read"] })).status).toBe(403);
  });
});
