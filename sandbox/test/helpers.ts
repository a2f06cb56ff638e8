// Test helpers: a sandbox on port 0, a customer application with a token, and a local receiver of pushes.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type SandboxHandle, type SandboxOptions } from "../server";

export interface TestSandbox extends SandboxHandle {
  admin(path: string, body?: unknown, method?: string): Promise<{ status: number; body: any }>;
  token(clientId: string, clientSecret: string): Promise<string>;
  /** A customer application registered by hand, with a token. */
  customer(clientId?: string): Promise<{ clientId: string; clientSecret: string; token: string }>;
  api(path: string, token: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sb = await startSandbox({ port: 0, allowInsecureCallbacks: true, ...options });
  let n = 0;
  const self: TestSandbox = {
    ...sb,
    async admin(path, body, method) {
      const res = await fetch(`${sb.url}${path}`, {
        method: method ?? (body === undefined ? "GET" : "POST"),
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async token(clientId, clientSecret) {
      const res = await fetch(`${sb.url}/oauth/v2/accessToken`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
        }),
      });
      if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async customer(clientId) {
      const id = clientId ?? `cust${++n}${Math.random().toString(36).slice(2, 8)}`;
      const clientSecret = `secret-${id}`;
      const created = await self.admin("/_sandbox/applications", { clientId: id, clientSecret });
      if (created.status !== 201) throw new Error(`customer: ${created.status} ${JSON.stringify(created.body)}`);
      return { clientId: id, clientSecret, token: await self.token(id, clientSecret) };
    },
    async api(path, token, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("Authorization", `Bearer ${token}`);
      const res = await fetch(`${sb.url}${path}`, { ...init, headers });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
  };
  return self;
}

/**
 * The test file's sandbox: started with `options` before the file's tests and closed after them. The object
 * answers for the sandbox from the first test on (the file's beforeAll fills it in).
 */
export function useTestSandbox(options: SandboxOptions = {}): TestSandbox {
  const sb = {} as TestSandbox;
  beforeAll(async () => {
    Object.assign(sb, await startTestSandbox(options));
  });
  afterAll(() => sb.close());
  return sb;
}

export interface Tuple {
  integrationContext: string;
  integrationType: string;
  tenantType: string;
}

/** The RSC company bundle's One-Click Export tuple (L12), the type that takes CALLBACK_URL (L14). */
export const RSC = (org: string): Tuple => ({
  integrationContext: `urn:li:organization:${org}`,
  integrationType: "ONE_CLICK_EXPORT",
  tenantType: "RECRUITER",
});

/** The documented body key (C11). */
export function bodyKey(t: Tuple): string {
  return `integrationContext=${t.integrationContext}&integrationType=${t.integrationType}&tenantType=${t.tenantType}&dataProvider=ATS`;
}

/** `ids[0].integrationContext=..&...` (C10), URL-encoded as a careful client would. */
export function idsQuery(tuples: Tuple[], dataProvider = "ATS"): string {
  const params = new URLSearchParams();
  tuples.forEach((t, i) => {
    params.set(`ids[${i}].integrationContext`, t.integrationContext);
    params.set(`ids[${i}].integrationType`, t.integrationType);
    params.set(`ids[${i}].tenantType`, t.tenantType);
    params.set(`ids[${i}].dataProvider`, dataProvider);
  });
  return params.toString();
}

export function batchBody(tuples: Tuple[], name = (t: Tuple) => `Acme ${t.integrationType}`) {
  return {
    entities: Object.fromEntries(tuples.map((t) => [bodyKey(t), { patch: { $set: { integrationName: name(t) } } }])),
  };
}

export function batchInit(body: unknown, method: string | null = "batch_partial_update"): RequestInit {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (method !== null) headers["x-restli-method"] = method;
  return { method: "POST", headers, body: JSON.stringify(body) };
}

/** Authorizes tuples as the widget would (admin shortcut). */
export async function authorize(sb: TestSandbox, clientId: string, tuples: Tuple[]): Promise<void> {
  for (const t of tuples) {
    const res = await sb.admin("/_sandbox/integrations", { clientId, ...t });
    if (res.status !== 201) throw new Error(`authorize: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export async function putCallbackUrl(sb: TestSandbox, token: string, t: Tuple, url: string) {
  return sb.api(
    `/v2/atsIntegrations/${encodeURIComponent(bodyKey(t)).replace(/%26/g, "&").replace(/%3D/g, "=")}/configurations?ids=CALLBACK_URL`,
    token,
    {
      method: "PUT",
      headers: { "Content-Type": "application/json", "x-restli-method": "batch_update" },
      body: JSON.stringify({ entities: { CALLBACK_URL: { configurationValue: { string: url } } } }),
    },
  );
}

export interface ReceivedPush {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A callback receiver answering with `statuses` in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: ReceivedPush[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/linkedin/callback`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Polls until `check` returns a value (not undefined/false) or the deadline passes. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
