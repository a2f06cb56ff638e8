// Issue 20, point 1, with production's setting (OUTBOUND_ALLOW_PRIVATE_NETWORK off in this process): the
// issue's attack (a webhooks:manage token registers http://localhost:<port>/…, sends a test event and reads the
// answer back from the deliveries) fails at save, through the vendor API and the console's actions, and a row
// forced into the database is refused at send: the local listener is never connected to, the refusal is on the
// delivery. Host names are answered by a fake DNS (node:dns/promises mocked), so "points inside" is real DNS
// for the code under test. Endpoints this file sends to are disabled first, so no other file's sender (whose
// setting is on) takes their deliveries; this file sends them itself with deliver().
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/deliveries/route";
import * as endpointRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/route";
import * as testRoute from "@/app/api/v1/webhook-endpoints/[endpointId]/test/route";
import * as endpointsRoute from "@/app/api/v1/webhook-endpoints/route";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "@/app/console/webhooks/actions";
import { apiTokenCreateSchema } from "@/lib/api-tokens/scopes";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { type Listener, startListener } from "@/lib/egress/test-support/listener";
import { setProcessEnv } from "@/lib/env";
import { callRoute, type CallOptions, type RouteTable } from "@/lib/vendor-api/test-support/call-route";
import { deliver } from "./send";
import { newSigningSecret, sealSecret } from "./secret";

/** Host name → the addresses the fake DNS answers, in turn (the last one again once they run out). */
const fakeDns = vi.hoisted(() => new Map<string, string[][]>());
vi.mock("node:dns/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns/promises")>();
  const lookup = async (host: string, options: { all: true; verbatim: true }) => {
    const answers = fakeDns.get(host);
    if (!answers) return real.lookup(host, options);
    const [answer = [], ...later] = answers;
    if (later.length > 0) fakeDns.set(host, later);
    return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { ...real, lookup, default: { ...real, lookup } };
});
const operator = vi.hoisted(() => ({ current: null as null | { userId: string; email: string } }));
vi.mock("@/lib/auth/actor", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/actor")>();
  return {
    ...real,
    currentActor: async () => (operator.current ? { ...operator.current, role: "OPERATOR", customerId: null } : null),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

setProcessEnv({ OUTBOUND_ALLOW_PRIVATE_NETWORK: "false" });

const ROUTES: RouteTable = [
  [/^\/webhook-endpoints$/, endpointsRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)$/, endpointRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)\/test$/, testRoute],
  [/^\/webhook-endpoints\/(?<endpointId>[^/]+)\/deliveries$/, deliveriesRoute],
];
let token = "";
let inside: Listener;
const api = (method: string, path: string, opts: CallOptions = {}) => callRoute(ROUTES, token, method, path, opts);
const unique = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  inside = await startListener();
  const u = await db.user.create({
    data: { email: `egress-op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  operator.current = { userId: u.id, email: u.email };
  const actor = { userId: u.id, email: u.email, role: "OPERATOR" as const, customerId: null };
  token = (await createApiToken(actor, apiTokenCreateSchema.parse({ name: "egress", scopes: ["webhooks:manage"] })))
    .token;
});
afterAll(async () => {
  await inside?.close();
  await disconnectDb();
});

/** Every spelling of an address inside, as a webhook URL (the listener's port where one is reachable). */
function insideUrls(port: number): string[] {
  return [
    `http://localhost:${port}/_sandbox/state`,
    `https://localhost:${port}/_sandbox/state`,
    `https://LOCALHOST.:${port}/`,
    `https://127.0.0.1:${port}/`,
    `https://127.1:${port}/`,
    `https://2130706433:${port}/`,
    `https://0x7f.1:${port}/`,
    `https://0177.0.0.1:${port}/`,
    `https://[::1]:${port}/`,
    `https://[::ffff:7f00:1]:${port}/`,
    `https://[::ffff:127.0.0.1]:${port}/`,
    "https://169.254.169.254/latest/meta-data/",
    "https://[::ffff:a9fe:a9fe]/latest/meta-data/",
    "https://10.0.0.5/hooks",
    "https://100.64.0.1/hooks",
    "https://[fc00::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://224.0.0.1/hooks",
    "https://0.0.0.0/hooks",
  ];
}

/** Forces an endpoint row with `url` into the database, disabled so that only this file sends to it. */
async function forcedEndpoint(url: string): Promise<string> {
  const id = `we_forced_${unique()}`;
  await db.webhookEndpoint.create({
    data: { id, url, eventTypes: [], secretEnc: sealSecret(id, newSigningSecret()), disabledAt: new Date() },
  });
  return id;
}

/** A test event through the vendor API, then one send attempt of it, as the sender would make. */
async function testEventSent(endpointId: string) {
  const test = await api("POST", `/webhook-endpoints/${endpointId}/test`);
  expect(test.status).toBe(202);
  const eventId = BigInt(String(test.json.eventId).slice("evt_".length));
  const queued = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId, eventId } });
  await db.webhookDelivery.update({ where: { id: queued.id }, data: { attempts: 1 } });
  await deliver({ id: queued.id, endpointId, attempts: 1, eventId: queued.eventId });
  return db.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id }, include: { attemptLog: true } });
}

describe("saving an endpoint (production setting)", () => {
  it("the vendor API refuses every address inside, in every spelling, with the reason; nothing is stored", async () => {
    for (const url of insideUrls(inside.port)) {
      const res = await api("POST", "/webhook-endpoints", { body: { url } });
      expect(res.status, url).toBe(422);
      expect(res.json.error?.fieldErrors?.url?.[0], url).toMatch(
        /^(This address points to a private network: .+\. Onramp sends only to public internet addresses|Use https: plain http is accepted only while)/,
      );
      expect(await db.webhookEndpoint.count({ where: { url } }), url).toBe(0);
    }
    expect(inside.connections()).toBe(0);
  });

  it("a name that resolves inside is refused when saved (create and update); a public one is accepted", async () => {
    const name = `internal-${unique()}.ats.test`;
    fakeDns.set(name, [["93.184.216.34", "10.0.0.5"]]);
    const refused = await api("POST", "/webhook-endpoints", { body: { url: `https://${name}/hooks` } });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fieldErrors?.url).toEqual([
      `This address points to a private network: ${name} resolves to 10.0.0.5, a private network address. Onramp sends only to public internet addresses; use the receiver's public https URL.`,
    ]);

    const publicName = `public-${unique()}.ats.test`;
    fakeDns.set(publicName, [["93.184.216.34"]]);
    const created = await api("POST", "/webhook-endpoints", { body: { url: `https://${publicName}/hooks` } });
    expect(created.status).toBe(201);
    const { id } = (created.json as { endpoint: { id: string } }).endpoint;
    const moved = await api("PATCH", `/webhook-endpoints/${id}`, { body: { url: `https://${name}/hooks` } });
    expect(moved.status).toBe(422);
    expect(moved.json.error?.fieldErrors?.url?.[0]).toMatch(/resolves to 10\.0\.0\.5/);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).url).toBe(`https://${publicName}/hooks`);
    expect((await api("DELETE", `/webhook-endpoints/${id}`)).status).toBe(200);
  });

  it("the console's add and edit actions refuse them too, the reason on the URL field", async () => {
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };
    const literal = await createWebhookEndpointAction(undefined, form({ url: "https://169.254.169.254/latest/" }));
    expect(literal).toMatchObject({ ok: false });
    expect(literal.errors?.url?.[0]).toMatch(
      /^This address points to a private network: 169\.254\.169\.254 is a link-local/,
    );

    const name = `console-${unique()}.ats.test`;
    fakeDns.set(name, [["127.0.0.1"]]);
    const resolved = await createWebhookEndpointAction(undefined, form({ url: `https://${name}/hooks` }));
    expect(resolved).toMatchObject({
      ok: false,
      message: expect.stringMatching(/resolves to 127\.0\.0\.1, a loopback/),
    });
    expect(resolved.errors?.url?.[0]).toBe(resolved.message);
    expect(await db.webhookEndpoint.count({ where: { url: `https://${name}/hooks` } })).toBe(0);

    const publicName = `console-public-${unique()}.ats.test`;
    fakeDns.set(publicName, [["93.184.216.34"]]);
    const added = await createWebhookEndpointAction(undefined, form({ url: `https://${publicName}/hooks` }));
    expect(added).toMatchObject({ ok: true });
    const row = await db.webhookEndpoint.findFirstOrThrow({ where: { url: `https://${publicName}/hooks` } });
    const edited = await updateWebhookEndpointAction(
      undefined,
      form({ endpointId: row.id, url: `http://localhost:${inside.port}/` }),
    );
    expect(edited).toMatchObject({ ok: false });
    expect(edited.errors?.url?.[0]).toMatch(/^Use https/);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: row.id } })).url).toBe(row.url);
    await db.webhookEndpoint.delete({ where: { id: row.id } });
  });
});

describe("sending (production setting)", () => {
  it("the issue's attack: rows forced in with addresses inside are refused at send, nothing fetched, the refusal on the delivery and not retried", async () => {
    for (const url of insideUrls(inside.port)) {
      const endpointId = await forcedEndpoint(url);
      const sent = await testEventSent(endpointId);
      expect(sent, url).toMatchObject({ state: "FAILED", lastStatus: null });
      expect(sent.lastError, url).toMatch(/^Not sent: (This address points to a private network|Use https)/);
      expect(sent.attemptLog, url).toEqual([
        expect.objectContaining({ status: null, responseSnippet: null, error: sent.lastError }),
      ]);
      // What the attacker reads back: the refusal, never the service's answer.
      const read = await api("GET", `/webhook-endpoints/${endpointId}/deliveries`);
      expect(read.text, url).not.toContain("inside: a private service's answer");
      const [delivery] = (read.json as { data: { attemptLog: { error: string | null }[] }[] }).data;
      expect(delivery?.attemptLog[0]?.error, url).toBe(sent.lastError);
    }
    expect(inside.connections()).toBe(0);
  });

  it("a name saved while public that now resolves inside is refused at send, recorded, and retried like any failure", async () => {
    const name = `rebound-${unique()}.ats.test`;
    fakeDns.set(name, [["93.184.216.34"], ["127.0.0.1"]]);
    const created = await api("POST", "/webhook-endpoints", { body: { url: `https://${name}:${inside.port}/hooks` } });
    expect(created.status).toBe(201);
    const { id } = (created.json as { endpoint: { id: string } }).endpoint;
    expect((await api("PATCH", `/webhook-endpoints/${id}`, { body: { enabled: false } })).status).toBe(200);
    const sent = await testEventSent(id);
    expect(sent).toMatchObject({ state: "PENDING", lastStatus: null });
    expect(sent.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(sent.lastError).toBe(
      `Not sent: This address points to a private network: ${name} resolves to 127.0.0.1, a loopback address (this machine). Onramp sends only to public internet addresses; use the receiver's public https URL.`,
    );
    expect(inside.connections()).toBe(0);
  });
});
