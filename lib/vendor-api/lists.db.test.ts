// One list envelope and one cursor for the whole vendor API (issue 21 point 4), through the route handlers with
// real Requests: every list answers `data` and `nextCursor` and takes `cursor`; the old names (`items`, the event
// feed's `after`, integration cursors handed out before) keep working for one release, `after` with a Deprecation
// header.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { db, disconnectDb } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit";
import { eventually } from "@/test/eventually";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as integrationsRoute from "@/app/api/v1/integrations/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as endpointsRoute from "@/app/api/v1/webhook-endpoints/route";
import { callRoute, type CallOptions, type RouteTable } from "./test-support/call-route";

const ROUTES: RouteTable = [
  [/^\/customers$/, customersRoute],
  [/^\/integrations$/, integrationsRoute],
  [/^\/events$/, eventsRoute],
  [/^\/webhook-endpoints$/, endpointsRoute],
];

let token = "";
const api = (method: string, path: string, opts: CallOptions = {}) => callRoute(ROUTES, token, method, path, opts);

type Listed = { data: { id: string }[]; items?: { id: string }[]; nextCursor: string | null };

async function newCustomer(displayName: string): Promise<string> {
  const res = await api("POST", "/customers", {
    body: {
      displayName,
      foreignId: `lists-${randomUUID()}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `lists-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  const scopes = ["customers:read", "customers:write", "integrations:read", "events:read", "webhooks:manage"];
  token = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "lists", scopes }))).token;
});
afterAll(async () => {
  await disconnectDb();
});

describe("GET /customers", () => {
  it("answers data and nextCursor, follows the cursor to the end, and still answers items", async () => {
    const tag = randomUUID().slice(0, 8);
    const ids = [
      await newCustomer(`Lists ${tag} a`),
      await newCustomer(`Lists ${tag} b`),
      await newCustomer(`Lists ${tag} c`),
    ];
    const first = await api("GET", `/customers?search=${tag}&pageSize=2`);
    const page1 = first.json as Listed & { total: number };
    expect(page1.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(page1.items).toEqual(page1.data);
    expect(page1.total).toBe(3);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await api("GET", `/customers?search=${tag}&cursor=${page1.nextCursor}`)).json as Listed;
    expect(page2.data.map((c) => c.id)).toEqual(ids.slice(2));
    expect(page2.nextCursor).toBeNull();
    const byNumber = (await api("GET", `/customers?search=${tag}&pageSize=2&page=2`)).json as Listed;
    expect(byNumber.data).toEqual(page2.data);
    const bad = await api("GET", "/customers?cursor=zzz");
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fieldErrors?.cursor?.[0]).toMatch(/nextCursor/);
  });
});

describe("GET /integrations", () => {
  it("answers the same rows as data and the deprecated items, and reads a cursor handed out before", async () => {
    const customerId = await newCustomer(`Lists integrations ${randomUUID().slice(0, 8)}`);
    const base = Date.now() - 60_000;
    for (let i = 0; i < 3; i++)
      await db.integration.create({
        data: {
          customerId,
          integrationContext: `urn:li:organization:${i}`,
          integrationType: "ONE_CLICK_EXPORT",
          tenantType: "RECRUITER",
          name: `Integration ${i}`,
          updatedAt: new Date(base + i * 1000),
        },
      });
    const first = (await api("GET", `/integrations?customerId=${customerId}&limit=1`)).json as Listed;
    expect(first.items).toEqual(first.data);
    const [row] = await db.integration.findMany({
      where: { id: first.data[0]?.id },
      select: { id: true, updatedAt: true },
    });
    // The old cursor shape: base64url JSON of the row's updatedAt and id.
    const oldCursor = Buffer.from(JSON.stringify({ u: row?.updatedAt.toISOString(), i: row?.id })).toString(
      "base64url",
    );
    const viaNew = (await api("GET", `/integrations?customerId=${customerId}&cursor=${first.nextCursor}`))
      .json as Listed;
    const viaOld = (await api("GET", `/integrations?customerId=${customerId}&cursor=${oldCursor}`)).json as Listed;
    expect(viaNew.data.length).toBe(2);
    expect(viaOld.data).toEqual(viaNew.data);
  });
});

describe("GET /events", () => {
  it("takes cursor, and after as its deprecated name with a Deprecation header", async () => {
    const customerId = `lists-feed-${randomUUID()}`;
    for (let n = 1; n <= 3; n += 1)
      await db.$transaction((tx) => emitEvent(tx, { type: "linkedin.push", customerId, data: { n } }));
    let first: Listed = { data: [], nextCursor: null };
    await eventually("the three events in the feed", async () => {
      first = (await api("GET", `/events?customerId=${customerId}&limit=1`)).json as Listed;
      const all = (await api("GET", `/events?customerId=${customerId}`)).json as Listed;
      return all.data.length === 3;
    });
    const viaCursor = await api("GET", `/events?customerId=${customerId}&cursor=${first.nextCursor}`);
    const viaAfter = await api("GET", `/events?customerId=${customerId}&after=${first.nextCursor}`);
    expect((viaCursor.json as Listed).data.length).toBe(2);
    expect(viaAfter.json.data).toEqual(viaCursor.json.data);
    expect(viaCursor.headers.get("deprecation")).toBeNull();
    expect(viaAfter.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(viaAfter.headers.get("link")).toContain('rel="deprecation"');
    const both = await api("GET", `/events?cursor=${first.nextCursor}&after=${viaCursor.json.nextCursor}`);
    expect(both.status).toBe(400);
    expect(both.json.error?.message).toMatch(/Send `cursor` only/);
  });
});

describe("GET /webhook-endpoints", () => {
  it("answers the one envelope, every endpoint on one page", async () => {
    const res = await api("GET", "/webhook-endpoints");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ data: expect.any(Array), nextCursor: null });
  });
});
