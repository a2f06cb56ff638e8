// Issue 20 item 5: disabling a person, or archiving a customer, ends every way in and all new work at the next
// request. Through the vendor
// API over real HTTP (API tokens are vendor-wide: calls ABOUT the archived customer are refused), password sign-in
// (next-auth's authorize), sign-in links minted before, and jobs (queued after: refused; queued before: cancelled
// when they would run). Restoring it gives everything back.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminLink, signInWithAdminLink } from "@/lib/admin-links/links";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { authenticate } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db/client";
import { type RouteServer, serveRoutes } from "@/lib/http/test-support/route-server";
import { stopBoss } from "@/lib/jobs/boss";
import { retryFailedJob } from "@/server/retry";
import { enqueueTrackedJob } from "@/lib/jobs/tracker";
import { runOne } from "@/lib/jobs/run";
import { setUserDisabled } from "@/lib/people/users";
import * as adminLinksRoute from "@/app/api/v1/customers/[customerId]/admin-links/route";
import * as applicationRoute from "@/app/api/v1/customers/[customerId]/application/route";
import * as provisioningRoute from "@/app/api/v1/customers/[customerId]/application/provisioning/route";
import * as linkedInTokenRoute from "@/app/api/v1/customers/[customerId]/linkedin-token/route";
import * as customerRoute from "@/app/api/v1/customers/[customerId]/route";
import { CUSTOMER_ARCHIVED_MESSAGE } from "./archived";
import { startKeyImport } from "./key-import";
import { keyImportView } from "./key-import-queries";
import { updateCustomer } from "./mutations";

const PASSWORD = "an-admin-password";
const operator = { system: "archived-test" };
let server: RouteServer;
let token: string;

beforeAll(async () => {
  server = await serveRoutes([
    [/^\/api\/v1\/customers\/(?<customerId>[^/]+)$/, customerRoute],
    [/^\/api\/v1\/customers\/(?<customerId>[^/]+)\/application$/, applicationRoute],
    [/^\/api\/v1\/customers\/(?<customerId>[^/]+)\/application\/provisioning$/, provisioningRoute],
    [/^\/api\/v1\/customers\/(?<customerId>[^/]+)\/linkedin-token$/, linkedInTokenRoute],
    [/^\/api\/v1\/customers\/(?<customerId>[^/]+)\/admin-links$/, adminLinksRoute],
  ]);
  const u = await db.user.create({
    data: { email: `archived-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  const scopes = ["customers:read", "customers:write", "linkedin-tokens:read", "admin-links:create"];
  token = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "archived", scopes }))).token;
});
afterAll(async () => {
  await server?.close();
  await stopBoss();
  await disconnectDb();
});

/** A customer with an admin who signs in with PASSWORD; archived unless told otherwise. */
async function archivedCustomer(archived = true) {
  const id = randomUUID();
  const customer = await db.customer.create({
    data: {
      displayName: `Archived ${id.slice(0, 8)}`,
      foreignId: `arch-${id}`,
      callbackKey: `cb-${id}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    },
  });
  const admin = await db.user.create({
    data: {
      email: `admin-${id.slice(0, 8)}@archived.test`,
      role: "CUSTOMER_ADMIN",
      customerId: customer.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  if (archived) await updateCustomer(operator, customer.id, { archived: true });
  return { customer, admin };
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error?: { message: string } } & Record<string, unknown> };
}

const linkToken = (url: string) => decodeURIComponent(url.split("/admin-link/")[1] ?? "");

describe("a disabled person", () => {
  it("their sign-in link minted before is refused", async () => {
    const { customer, admin } = await archivedCustomer(false);
    const link = await createAdminLink(operator, customer.id, admin.email);
    await db.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    expect(await signInWithAdminLink(linkToken(link.url))).toBeNull();
  });

  it("links minted with their API token stop working when they are disabled (their tokens are revoked)", async () => {
    const { customer, admin } = await archivedCustomer(false);
    const staffer = await db.user.create({
      data: { email: `minter-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
    });
    const minter = await createApiToken(
      { userId: staffer.id, email: staffer.email, role: "OPERATOR", customerId: null },
      apiTokenCreateSchema.parse({ name: "minter", scopes: ["admin-links:create"] }),
    );
    const viaToken = { apiTokenId: minter.id, apiTokenName: "minter", scopes: ["admin-links:create"] };
    const kept = await createAdminLink(viaToken, customer.id, admin.email);
    const ended = await createAdminLink(viaToken, customer.id, admin.email);
    expect(await signInWithAdminLink(linkToken(kept.url))).toMatchObject({ id: admin.id });
    const someoneElse = await db.user.create({
      data: { email: `op2-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
    });
    await setUserDisabled(
      { userId: someoneElse.id, email: someoneElse.email, role: "OPERATOR", customerId: null },
      staffer.id,
      true,
    );
    expect(await signInWithAdminLink(linkToken(ended.url))).toBeNull();
  });
});

describe("an archived customer", () => {
  it("API: every call that would change it or start work for it is refused with what to do; restoring works", async () => {
    const { customer } = await archivedCustomer();
    const c = `/customers/${customer.id}`;
    const refused = [
      await api("PUT", `${c}/application`, { clientId: `k-${randomUUID()}`, clientSecret: "s".repeat(16) }),
      await api("PATCH", c, { displayName: "Renamed while archived" }),
    ];
    for (const r of refused)
      expect(r).toMatchObject({ status: 409, json: { error: { message: CUSTOMER_ARCHIVED_MESSAGE } } });
    expect((await api("POST", `${c}/application/provisioning`)).status).toBe(409);
    expect((await api("GET", `${c}/linkedin-token`)).status).toBe(409);
    expect((await api("POST", `${c}/admin-links`, { email: `new-${randomUUID()}@archived.test` })).status).toBe(409);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).displayName).toBe(
      customer.displayName,
    );
    // Reads still answer; restoring (alone or with other changes) is allowed.
    expect((await api("GET", c)).json).toMatchObject({ archived: true });
    expect(await api("PATCH", c, { archived: false, displayName: "Restored" })).toMatchObject({
      status: 200,
      json: { archived: false, displayName: "Restored" },
    });
  });

  it("sign-in: its admin's password and a sign-in link minted before are refused; restoring lets them in", async () => {
    const { customer, admin } = await archivedCustomer(false);
    const link = await createAdminLink(operator, customer.id, admin.email);
    await updateCustomer(operator, customer.id, { archived: true });
    expect(await authenticate({ email: admin.email, password: PASSWORD }, `src-${randomUUID()}`)).toEqual({
      outcome: "refused",
    });
    expect(await signInWithAdminLink(linkToken(link.url))).toBeNull();
    await updateCustomer(operator, customer.id, { archived: false });
    expect(await authenticate({ email: admin.email, password: PASSWORD }, `src-${randomUUID()}`)).toMatchObject({
      outcome: "signed-in",
      user: { id: admin.id },
    });
  });

  it("jobs: none is queued for it (a retry by hand included), and one queued before archiving is cancelled when it would run", async () => {
    const { customer } = await archivedCustomer(false);
    const payload = { customerId: customer.id };
    const before = await enqueueTrackedJob({ kind: "SYNC_NAMES", customerId: customer.id, payload });
    await db.job.update({ where: { id: before.trackedJobId }, data: { queueJobId: null } }); // no worker takes it
    await updateCustomer(operator, customer.id, { archived: true });

    await expect(enqueueTrackedJob({ kind: "SYNC_CONFIGURATIONS", customerId: customer.id, payload })).rejects.toThrow(
      CUSTOMER_ARCHIVED_MESSAGE,
    );
    const ran: string[] = [];
    const handler = { kind: "SYNC_NAMES" as const, execute: async () => void ran.push("ran") };
    await runOne(handler, { data: { trackedJobId: before.trackedJobId }, retryCount: 0, retryLimit: 4 });
    expect(ran).toEqual([]);
    expect(await db.job.findUniqueOrThrow({ where: { id: before.trackedJobId } })).toMatchObject({
      status: "CANCELLED",
      lastError: CUSTOMER_ARCHIVED_MESSAGE,
    });
    const staff = { userId: randomUUID(), email: "s@onramp.test", role: "SUPPORT" as const, customerId: null };
    await expect(retryFailedJob(before.trackedJobId, staff)).rejects.toThrow(CUSTOMER_ARCHIVED_MESSAGE);
  });

  it("a bulk import row for it is refused without asking LinkedIn", async () => {
    const { customer } = await archivedCustomer();
    const row = {
      foreignId: customer.foreignId,
      displayName: customer.displayName,
      clientId: `k-${randomUUID()}`,
      clientSecret: "s".repeat(16),
      offeredIntegrationTypes: "RECRUITER_SYSTEM_CONNECT_COMPANY",
    };
    const started = await startKeyImport(operator, { rows: [row] });
    const { jobHandlers } = await import("@/server/jobs");
    const handler = jobHandlers().IMPORT_APPLICATION_KEYS;
    if (!handler) throw new Error("IMPORT_APPLICATION_KEYS has no handler");
    await runOne(handler, { data: { trackedJobId: started.jobId }, retryCount: 0, retryLimit: 4 });
    const view = await keyImportView(started.importId);
    expect(view.rows).toMatchObject([
      { status: "REFUSED", reason: `${CUSTOMER_ARCHIVED_MESSAGE} Nothing was stored.` },
    ]);
  });
});
