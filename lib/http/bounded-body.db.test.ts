// Issue 20 item 6: every route that reads a body caps it while it streams, over real HTTP. Each route module is
// served by node:http (test-support/route-server.ts) and sent 32 MB, declared in Content-Length or chunked with no
// length: the answer is 413 with a message, given before the sender got its body out (the server stopped reading).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { db, disconnectDb } from "@/lib/db/client";
import { createTestApplication } from "@/lib/linkedin/test-support/applications";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as unsubscribeRoute from "@/app/api/email/unsubscribe/[key]/route";
import * as callbackRoute from "@/app/api/linkedin/callback/[callbackKey]/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as keyImportsRoute from "@/app/api/v1/key-imports/route";
import { sendOversized } from "./test-support/oversized-body";
import { type RouteServer, serveRoutes } from "./test-support/route-server";

const BYTES = 32 * 1024 * 1024;
let server: RouteServer;
let token: string;
let callbackKey: string;

beforeAll(async () => {
  server = await serveRoutes([
    [/^\/api\/v1\/customers$/, customersRoute],
    [/^\/api\/v1\/key-imports$/, keyImportsRoute],
    [/^\/api\/linkedin\/callback\/(?<callbackKey>[^/]+)$/, callbackRoute],
    [/^\/api\/email\/unsubscribe\/(?<key>[^/]+)$/, unsubscribeRoute],
    [/^\/api\/auth\/.+$/, authRoute],
  ]);
  const u = await db.user.create({
    data: { email: `bodies-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  token = (
    await createApiToken(
      actor,
      apiTokenCreateSchema.parse({ name: "bodies", scopes: ["customers:read", "customers:write"] }),
    )
  ).token;
  const app = await createTestApplication();
  ({ callbackKey } = await db.customer.findUniqueOrThrow({
    where: { id: app.customerId },
    select: { callbackKey: true },
  }));
});
afterAll(async () => {
  await server?.close();
  await disconnectDb();
});

const bearer = () => ({ authorization: `Bearer ${token}` });

describe("oversized bodies answer 413 before they are read", () => {
  it.each([
    ["a vendor API route, by Content-Length", "/api/v1/customers", false],
    ["a vendor API route, chunked", "/api/v1/customers", true],
    ["the LinkedIn callback, by Content-Length", "callback", false],
    ["the LinkedIn callback, chunked", "callback", true],
    ["next-auth's credentials sign-in, chunked", "/api/auth/callback/credentials", true],
    ["one-click unsubscribe, chunked", `/api/email/unsubscribe/${"k".repeat(32)}`, true],
  ])("%s", async (_name, path, chunked) => {
    const url = `${server.url}${path === "callback" ? `/api/linkedin/callback/${callbackKey}` : path}`;
    const before = await db.customer.count();
    const sent = await sendOversized(url, { bytes: BYTES, chunked, headers: bearer() });
    expect({ status: sent.status, error: sent.error, sentAll: sent.sentAll }).toEqual({
      status: 413,
      error: null,
      sentAll: false,
    });
    expect(sent.body).toMatch(/larger than 65536 bytes/);
    expect(await db.customer.count()).toBe(before);
  });

  it("key imports have their own, larger bound: 1.5 MB is read (and judged), 32 MB is refused", async () => {
    const url = `${server.url}/api/v1/key-imports`;
    const within = await sendOversized(url, { bytes: 1_500_000, chunked: true, headers: bearer() });
    expect(within.status).toBe(400); // read whole: spaces are not JSON
    expect(within.sentAll).toBe(true);
    const over = await sendOversized(url, { bytes: BYTES, chunked: true, headers: bearer() });
    expect(over.status).toBe(413);
    expect(over.body).toMatch(/larger than 2000000 bytes/);
  });

  it("a declared length over the bound is refused before the token is even looked at", async () => {
    const sent = await sendOversized(`${server.url}/api/v1/customers`, { bytes: BYTES, chunked: false });
    expect(sent.status).toBe(413);
  });
});
