// Idempotency-Key on the vendor API's POSTs (issue 21 point 4), through the route handlers with real Requests: a
// retry answers the first answer (a webhook secret included, kept sealed), another body under the same key is a 422,
// concurrent duplicates do the work once, a sign-in link is never answered twice, keys are per token and expire.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { db, disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as adminLinksRoute from "@/app/api/v1/customers/[customerId]/admin-links/route";
import * as endpointsRoute from "@/app/api/v1/webhook-endpoints/route";
import { callRoute, type CallOptions, type RouteTable } from "./test-support/call-route";

const ROUTES: RouteTable = [
  [/^\/customers$/, customersRoute],
  [/^\/customers\/(?<customerId>[^/]+)\/admin-links$/, adminLinksRoute],
  [/^\/webhook-endpoints$/, endpointsRoute],
];

const tokens = { first: "", second: "" };
const api = (method: string, path: string, opts: CallOptions = {}) =>
  callRoute(ROUTES, tokens.first, method, path, opts);
const keyed = (key: string, body: unknown, opts: CallOptions = {}) => ({
  ...opts,
  body,
  headers: { "Idempotency-Key": key },
});

/** A closed local port: nothing is ever delivered to it. */
const endpointBody = () => ({ url: `https://127.0.0.1:9/hook-${randomUUID()}` });
const endpointsAt = (url: string) => db.webhookEndpoint.count({ where: { url } });

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `idem-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  const scopes = ["customers:write", "customers:read", "webhooks:manage", "admin-links:create"];
  for (const name of ["first", "second"] as const)
    tokens[name] = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: `idem-${name}`, scopes }))).token;
});
afterAll(async () => {
  await disconnectDb();
});

describe("POST /webhook-endpoints with an Idempotency-Key", () => {
  it("answers a retry with the first answer, secret included, and registers the endpoint once", async () => {
    const key = randomUUID();
    const body = endpointBody();
    const first = await api("POST", "/webhook-endpoints", keyed(key, body));
    const retry = await api("POST", "/webhook-endpoints", keyed(key, body));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await endpointsAt(body.url)).toBe(1);
    // The kept answer is sealed: the secret is not readable in the table.
    const kept = await db.apiIdempotencyKey.findFirstOrThrow({ where: { key } });
    expect(kept.responseEnc).not.toContain(first.json.secret as string);
  });

  it("answers 422 for the same key with another body, and does nothing", async () => {
    const key = randomUUID();
    expect((await api("POST", "/webhook-endpoints", keyed(key, endpointBody()))).status).toBe(201);
    const other = endpointBody();
    const reused = await api("POST", "/webhook-endpoints", keyed(key, other));
    expect(reused.status).toBe(422);
    expect(reused.json.error?.message).toMatch(/already used for a different request/);
    expect(reused.json.error?.fieldErrors?.["Idempotency-Key"]?.[0]).toMatch(/new key/);
    expect(await endpointsAt(other.url)).toBe(0);
  });

  it("does the work once when duplicates arrive together", async () => {
    const key = randomUUID();
    const body = endpointBody();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api("POST", "/webhook-endpoints", keyed(key, body))),
    );
    // Each duplicate gets the first answer, or 409 while the first is still running: never a second endpoint.
    expect(answers.map((a) => a.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(answers.filter((a) => a.status === 201 && !a.headers.get("idempotent-replayed"))).toHaveLength(1);
    expect(await endpointsAt(body.url)).toBe(1);
    const busy = answers.find((a) => a.status === 409);
    if (busy) expect(busy.json.error?.message).toMatch(/still being processed/);
  });

  it("lets a retry take over a key whose first request died unanswered, once the lease has passed", async () => {
    const key = randomUUID();
    const body = endpointBody();
    expect((await api("POST", "/webhook-endpoints", keyed(key, body))).status).toBe(201);
    // As if the first request's process died after claiming the key: held, with no answer.
    await db.apiIdempotencyKey.updateMany({ where: { key }, data: { status: null, responseEnc: null } });
    const whileHeld = await api("POST", "/webhook-endpoints", keyed(key, body));
    expect(whileHeld.status).toBe(409);
    expect(whileHeld.json.error?.message).toMatch(/still being processed/);

    const lease = env().API_IDEMPOTENCY_LEASE_SECONDS;
    await db.$executeRaw`UPDATE "ApiIdempotencyKey" SET "createdAt" = now() - make_interval(secs => ${lease + 1})
      WHERE "key" = ${key}`;
    const takenOver = await api("POST", "/webhook-endpoints", keyed(key, body));
    expect(takenOver.status).toBe(201);
    expect(takenOver.headers.get("idempotent-replayed")).toBeNull();
    // The retry now holds the key with its own answer.
    const again = await api("POST", "/webhook-endpoints", keyed(key, body));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(takenOver.json);
  });

  it("keeps keys per token, forgets them after the retention, and refuses a malformed key", async () => {
    const key = randomUUID();
    const body = endpointBody();
    await api("POST", "/webhook-endpoints", keyed(key, body));
    const otherToken = await api("POST", "/webhook-endpoints", keyed(key, body, { token: tokens.second }));
    expect(otherToken.status).toBe(201);
    expect(otherToken.headers.get("idempotent-replayed")).toBeNull();
    expect(await endpointsAt(body.url)).toBe(2);

    await db.apiIdempotencyKey.updateMany({ where: { key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterRetention = await api("POST", "/webhook-endpoints", keyed(key, body));
    expect(afterRetention.status).toBe(201);
    expect(afterRetention.headers.get("idempotent-replayed")).toBeNull();
    expect(await endpointsAt(body.url)).toBe(3);

    const bad = await api("POST", "/webhook-endpoints", keyed("has spaces in it", endpointBody()));
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fieldErrors?.["Idempotency-Key"]).toBeDefined();
  });
});

describe("POST /customers with an Idempotency-Key", () => {
  it("answers the created customer again instead of a 409 for its own foreignId; a refused request keeps no key", async () => {
    const key = randomUUID();
    const body = {
      displayName: `Idem ${randomUUID().slice(0, 8)}`,
      foreignId: `idem-${randomUUID()}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    };
    const first = await api("POST", "/customers", keyed(key, body));
    const retry = await api("POST", "/customers", keyed(key, body));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(await db.customer.count({ where: { foreignId: body.foreignId } })).toBe(1);

    // Under a new key the same body is a new request: the foreignId is taken (409), and that answer is not kept.
    const refusedKey = randomUUID();
    expect((await api("POST", "/customers", keyed(refusedKey, body))).status).toBe(409);
    expect(await db.apiIdempotencyKey.count({ where: { key: refusedKey } })).toBe(0);
  });
});

describe("POST /customers/{id}/admin-links with an Idempotency-Key", () => {
  it("mints the link once and answers a retry 409: the link is shown once and never kept", async () => {
    const created = await api("POST", "/customers", {
      body: {
        displayName: `Idem links ${randomUUID().slice(0, 8)}`,
        foreignId: `idem-links-${randomUUID()}`,
        offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
      },
    });
    const customerId = created.json.id as string;
    const key = randomUUID();
    const body = { email: `idem-${randomUUID()}@customer.test` };
    const first = await api("POST", `/customers/${customerId}/admin-links`, keyed(key, body));
    expect(first.status).toBe(201);
    const retry = await api("POST", `/customers/${customerId}/admin-links`, keyed(key, body));
    expect(retry.status).toBe(409);
    expect(retry.json.error?.message).toMatch(/shown only once/);
    expect(JSON.stringify(retry.json)).not.toContain(first.json.url as string);
    expect(await db.adminSignInLink.count({ where: { customerId } })).toBe(1);
    expect((await db.apiIdempotencyKey.findFirstOrThrow({ where: { key } })).responseEnc).toBeNull();
  });
});
