// The vendor API's ATS side (issue 12) through its route handlers: the event feed, webhook endpoints
// (secret shown once, https only, rotation), the LinkedIn token route (own scope, audited, never the
// secret) and sign-in links (single use, expiry, the same answer for every email), each with the clear error for
// bad input.
import { eventually } from "@/test/eventually";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { adminLinkState, signInWithAdminLink } from "@/lib/admin-links/links";
import { db, disconnectDb } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit";
import { sandboxAdmin, testCustomer } from "@/lib/notifications/test-support/fixtures";
import { useLinkedInAt } from "@/lib/linkedin/test-support/env";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as endpointsRoute from "@/app/api/v1/webhook-endpoints/route";
import * as endpointRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/route";
import * as secretRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/secret/route";
import * as replayRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/replay/route";
import * as tokenRoute from "@/app/api/v1/customers/[customerId]/linkedin-token/route";
import * as adminLinksRoute from "@/app/api/v1/customers/[customerId]/admin-links/route";
import { callRoute, type CallOptions, type RouteTable } from "./test-support/call-route";

const ROUTES: RouteTable = [
  [/^\/events$/, eventsRoute],
  [/^\/webhook-endpoints$/, endpointsRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)$/, endpointRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)\/secret$/, secretRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)\/replay$/, replayRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/linkedin-token$/, tokenRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/admin-links$/, adminLinksRoute],
];

let sandbox: SandboxHandle;
let token = "";
let narrow = "";
const admin = sandboxAdmin(() => sandbox.url);
const api = (method: string, path: string, opts: CallOptions = {}) => callRoute(ROUTES, token, method, path, opts);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  useLinkedInAt(sandbox.url, { LINKEDIN_MAX_ATTEMPTS: "1" });
  const u = await db.user.create({
    data: { email: `ats-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  const scopes = ["events:read", "webhooks:manage", "linkedin-tokens:read", "admin-links:create"];
  token = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "ats", scopes }))).token;
  narrow = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "ats-narrow", scopes: ["customers:read"] })))
    .token;
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

describe("GET /events", () => {
  it("pages the feed by cursor and refuses unknown types and cursors with a message", async () => {
    const customerId = `api-feed-${randomUUID()}`;
    for (let n = 1; n <= 3; n += 1)
      await db.$transaction((tx) => emitEvent(tx, { type: "linkedin.push", customerId, data: { n } }));
    const seen: unknown[] = [];
    let cursor = "";
    await eventually("three feed events", async () => {
      const res = await api("GET", `/events?customerId=${customerId}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = res.json as { data: { data: { n: number } }[]; nextCursor: string };
      seen.push(...page.data.map((e) => e.data.n));
      cursor = page.nextCursor;
      return seen.length >= 3;
    });
    expect(seen).toEqual([1, 2, 3]);
    expect((await api("GET", "/events?types=nope")).json.error?.fieldErrors?.types?.[0]).toMatch(
      /unknown event type nope/,
    );
    expect((await api("GET", "/events?cursor=garbage")).status).toBe(400);
    expect((await api("GET", "/events", { token: narrow })).status).toBe(403);
  });
});

describe("webhook endpoints", () => {
  it("shows the secret once, refuses what is no http(s) URL, rotates, and replays with validation", async () => {
    // Plain http and private addresses are refused in production: lib/webhooks/egress.db.test.ts (issue 20).
    const bad = await api("POST", "/webhook-endpoints", { body: { url: "ftp://ats.example.com/hook" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fieldErrors?.url?.[0]).toMatch(/Enter a full URL/);
    const badType = await api("POST", "/webhook-endpoints", {
      body: { url: "https://ats.example.com/hook", eventTypes: ["integration.nope"] },
    });
    expect(badType.status).toBe(422);

    // A closed local port: another test file's sender that picks up a delivery to it fails at once, offline.
    const created = await api("POST", "/webhook-endpoints", {
      body: { url: "https://127.0.0.1:9/hook", eventTypes: ["integration.enabled"] },
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.json as { endpoint: { id: string; status: string }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.status).toBe("ACTIVE");
    const read = await api("GET", `/webhook-endpoints/${endpoint.id}`);
    expect(read.text).not.toContain(secret);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secretEnc).not.toContain(secret.slice(6));

    const rotated = await api("POST", `/webhook-endpoints/${endpoint.id}/secret`);
    expect((rotated.json as { secret: string }).secret).not.toBe(secret);
    expect(
      (rotated.json as { endpoint: { secretRotatedUntil: string | null } }).endpoint.secretRotatedUntil,
    ).not.toBeNull();

    const replayBad = await api("POST", `/webhook-endpoints/${endpoint.id}/replay`, {
      body: { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" },
    });
    expect(replayBad.status).toBe(422);
    const disabled = await api("PATCH", `/webhook-endpoints/${endpoint.id}`, { body: { enabled: false } });
    expect((disabled.json as { status: string }).status).toBe("DISABLED");
    expect((await api("DELETE", `/webhook-endpoints/${endpoint.id}`)).status).toBe(200);
    expect((await api("GET", `/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
  });
});

describe("GET /customers/{id}/linkedin-token", () => {
  it("answers a current token and its expiry, audited, never the secret; needs its own scope", async () => {
    const c = await testCustomer(admin);
    const res = await api("GET", `/customers/${c.customerId}/linkedin-token`);
    expect(res.status).toBe(200);
    const body = res.json as { accessToken: string; tokenType: string; expiresAt: string };
    expect(body.tokenType).toBe("Bearer");
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.text).not.toContain(c.clientSecret);
    const again = await api("GET", `/customers/${c.customerId}/linkedin-token`);
    expect((again.json as { accessToken: string }).accessToken).toBe(body.accessToken); // from the cache
    expect(await db.auditLog.count({ where: { customerId: c.customerId, action: "linkedin_token.read" } })).toBe(2);
    expect((await api("GET", `/customers/${c.customerId}/linkedin-token`, { token: narrow })).status).toBe(403);
    expect((await api("GET", `/customers/nope-${randomUUID()}/linkedin-token`)).status).toBe(404);
  });
});

describe("POST /customers/{id}/admin-links", () => {
  it("mints a single-use link that creates the admin on first use; a second use and an expired link are refused", async () => {
    const c = await testCustomer(admin);
    const email = `ats-admin-${randomUUID()}@customer.test`;
    expect(
      (await api("POST", `/customers/${c.customerId}/admin-links`, { body: { email: "not-an-email" } })).status,
    ).toBe(422);
    const res = await api("POST", `/customers/${c.customerId}/admin-links`, { body: { email } });
    expect(res.status).toBe(201);
    const { url, expiresAt } = res.json as { url: string; expiresAt: string };
    const linkToken = decodeURIComponent(url.split("/admin-link/")[1]!);
    expect(await adminLinkState(linkToken)).toBe("valid");
    const user = await signInWithAdminLink(linkToken);
    expect(user).toMatchObject({ email, role: "CUSTOMER_ADMIN", customerId: c.customerId });
    expect(await signInWithAdminLink(linkToken)).toBeNull();
    expect(await adminLinkState(linkToken)).toBe("used");

    const second = await api("POST", `/customers/${c.customerId}/admin-links`, { body: { email } });
    const t2 = decodeURIComponent((second.json as { url: string }).url.split("/admin-link/")[1]!);
    const later = new Date(new Date(expiresAt).getTime() + 60 * 60_000);
    expect(await adminLinkState(t2, later)).toBe("expired");
    expect(await signInWithAdminLink(t2, later)).toBeNull();
    expect(await signInWithAdminLink(t2)).toMatchObject({ id: user!.id }); // same account, not a second one
  });

  it("answers the same whether or not the email has an account (issue 20 point 8); such a link refuses to sign in", async () => {
    const c = await testCustomer(admin);
    const staff = await db.user.create({ data: { email: `staff-${randomUUID()}@onramp.test`, role: "SUPPORT" } });
    const disabled = await db.user.create({
      data: {
        email: `off-${randomUUID()}@customer.test`,
        role: "CUSTOMER_ADMIN",
        customerId: c.customerId,
        disabledAt: new Date(),
      },
    });
    const mint = async (email: string) => {
      const res = await api("POST", `/customers/${c.customerId}/admin-links`, { body: { email } });
      const body = res.json as { url: string; expiresAt: string };
      const linkToken = decodeURIComponent(body.url.split("/admin-link/")[1] ?? "");
      // Everything that could differ between two answers, but the token and the instant.
      const shape = { status: res.status, keys: Object.keys(body).sort(), url: body.url.replace(/[^/]+$/, "T") };
      return { shape, linkToken };
    };
    const fresh = await mint(`new-${randomUUID()}@customer.test`);
    const answers = [fresh, await mint(staff.email), await mint(disabled.email)];
    for (const a of answers) expect(a.shape).toEqual({ ...fresh.shape, status: 201 });

    const [, staffLink, disabledLink] = answers;
    expect(await signInWithAdminLink(staffLink?.linkToken)).toBeNull();
    expect(await signInWithAdminLink(disabledLink?.linkToken)).toBeNull();
    expect(await signInWithAdminLink(fresh.linkToken)).toMatchObject({
      role: "CUSTOMER_ADMIN",
      customerId: c.customerId,
    });
    const refusals = await db.auditLog.findMany({
      where: { customerId: c.customerId, action: "admin_link.refused" },
      select: { details: true },
    });
    expect(refusals.map((r) => JSON.stringify(r.details)).sort()).toEqual([
      JSON.stringify({ refusal: "another_account" }),
      JSON.stringify({ refusal: "disabled" }),
    ]);
    expect(await db.user.count({ where: { email: staff.email, role: "SUPPORT" } })).toBe(1);
  });
});
