import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { authorize, batchBody, batchInit, idsQuery, RSC, startTestSandbox, useTestSandbox } from "./helpers";

const sb = useTestSandbox({ batchSpacingMs: 0 });

describe("fault injection (C26, C27)", () => {
  it("answers the injected status count times, with Retry-After, then recovers", async () => {
    const c = await sb.customer();
    const t = RSC("f1");
    await authorize(sb, c.clientId, [t]);
    const fault = await sb.admin("/_sandbox/faults", {
      endpoint: "batch_partial_update",
      status: 429,
      count: 2,
      retryAfterSeconds: 3,
    });
    expect(fault.status).toBe(201);
    const call = () => sb.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token, batchInit(batchBody([t])));
    const first = await call();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect((await call()).status).toBe(429);
    expect((await call()).status).toBe(200);
    const calls = (await sb.admin(`/_sandbox/calls?endpoint=batch_partial_update&clientId=${c.clientId}`)).body.calls;
    expect(calls.map((x: any) => [x.status, x.fault])).toEqual([
      [429, true],
      [429, true],
      [200, false],
    ]);
    expect((await sb.admin("/_sandbox/faults")).body.faults).toEqual([]);
  });

  it("faults only the named endpoint; '*' faults all; DELETE clears", async () => {
    const c = await sb.customer();
    await sb.admin("/_sandbox/faults", { endpoint: "lookup_request", status: 503 });
    expect((await sb.api("/v2/atsIntegrations?q=request&requestId=x", c.token)).status).toBe(503);
    expect((await sb.api(`/v2/atsIntegrations?${idsQuery([RSC("f2")])}`, c.token)).status).toBe(200);
    await sb.admin("/_sandbox/faults", undefined, "DELETE");
    expect((await sb.api("/v2/atsIntegrations?q=request&requestId=x", c.token)).status).toBe(404);
    await sb.admin("/_sandbox/faults", { endpoint: "*", status: 500, count: 1 });
    expect((await sb.api(`/v2/atsIntegrations?${idsQuery([RSC("f2")])}`, c.token)).status).toBe(500);
    expect((await sb.api(`/v2/atsIntegrations?${idsQuery([RSC("f2")])}`, c.token)).status).toBe(200);
  });

  it("fails the plugin's scripts: one application's plugin, or in.js for every page (issue 22)", async () => {
    await sb.admin("/_sandbox/faults", undefined, "DELETE");
    const a = await sb.customer();
    const b = await sb.customer();
    const plugin = (key: string) => fetch(`${sb.url}/rsc/extensions/onboarding-widget?api_key=${key}`);
    const other = await sb.admin("/_sandbox/faults", { endpoint: "lookup_ids", status: 503, clientId: b.clientId });
    const rule = await sb.admin("/_sandbox/faults", { endpoint: "widget_script", status: 404, clientId: a.clientId });
    expect((await plugin(a.clientId)).status).toBe(404);
    expect((await plugin(a.clientId)).status).toBe(404);
    expect((await plugin(b.clientId)).status).toBe(200);
    // in.js names no application (C4): a rule of one application never matches it.
    expect((await fetch(`${sb.url}/xdoor/scripts/in.js`)).status).toBe(200);
    // Lifting one rule by its id leaves the others.
    expect((await sb.admin(`/_sandbox/faults/${rule.body.id}`, undefined, "DELETE")).status).toBe(200);
    expect((await plugin(a.clientId)).status).toBe(200);
    expect((await sb.admin("/_sandbox/faults")).body.faults.map((f: { id: string }) => f.id)).toEqual([other.body.id]);
    expect((await sb.admin(`/_sandbox/faults/${rule.body.id}`, undefined, "DELETE")).status).toBe(404);
    await sb.admin("/_sandbox/faults", undefined, "DELETE");
    await sb.admin("/_sandbox/faults", { endpoint: "widget_script", status: 500, count: 1 });
    expect((await fetch(`${sb.url}/xdoor/scripts/in.js`)).status).toBe(500);
    expect((await fetch(`${sb.url}/xdoor/scripts/in.js`)).status).toBe(200);
  });

  it("a token fault answers in OAuth's error shape; probability 0 never fires; latency delays", async () => {
    await sb.admin("/_sandbox/faults", { endpoint: "token", status: 401, count: 1 });
    await expect(sb.token("sandbox-parent-id", "sandbox-parent-secret")).rejects.toThrow(/401.*invalid_client/);
    await sb.admin("/_sandbox/faults", { endpoint: "token", status: 500, probability: 0 });
    expect(await sb.token("sandbox-parent-id", "sandbox-parent-secret")).toBeTruthy();
    await sb.admin("/_sandbox/faults", undefined, "DELETE");
    await sb.admin("/_sandbox/faults", { endpoint: "token", latencyMs: 150, count: 1 });
    const started = Date.now();
    await sb.token("sandbox-parent-id", "sandbox-parent-secret");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await sb.admin("/_sandbox/faults", { endpoint: "token", status: 418 })).status).toBe(400);
  });

  it("a faulted batch call still counts for the C13 spacing", async () => {
    const strict = await startTestSandbox();
    try {
      const c = await strict.customer();
      const t = RSC("f3");
      await authorize(strict, c.clientId, [t]);
      await strict.admin("/_sandbox/faults", { endpoint: "batch_partial_update", status: 503, count: 1 });
      const call = () => strict.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token, batchInit(batchBody([t])));
      expect((await call()).status).toBe(503);
      expect((await call()).status).toBe(429);
      expect((await strict.admin("/_sandbox/violations")).body.spacingByApplication[c.clientId]).toBe(1);
    } finally {
      await strict.close();
    }
  });
});

describe("admin and persistence", () => {
  it("keeps applications and integrations across a restart when given a stateFile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startTestSandbox({ stateFile });
      const c = await first.customer("persisted-app");
      await authorize(first, c.clientId, [RSC("keep1")]);
      await first.close();
      const second = await startTestSandbox({ stateFile });
      try {
        const res = await second.api(`/v2/atsIntegrations?${idsQuery([RSC("keep1")])}`, c.token);
        expect(res.status).toBe(200);
        expect(Object.values(res.body.results)).toEqual([{ onboardingStatus: "REQUESTED" }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reset forgets everything but the parent application", async () => {
    const other = await startTestSandbox();
    try {
      const c = await other.customer();
      await authorize(other, c.clientId, [RSC("r1")]);
      await other.admin("/_sandbox/settings", { retryDelayMs: 5 });
      expect((await other.admin("/_sandbox/reset", {})).status).toBe(200);
      const state = (await other.admin("/_sandbox/state")).body;
      expect(state.applications.map((a: any) => a.kind)).toEqual(["parent"]);
      expect(state.integrations).toEqual([]);
      expect(state.settings.retryDelayMs).toBe(300000);
      expect((await other.api("/v2/atsIntegrations?q=request&requestId=x", c.token)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("serves the operator page, whose forms move integrations", async () => {
    const c = await sb.customer();
    const t = RSC("page1");
    await authorize(sb, c.clientId, [t]);
    const page = await fetch(`${sb.url}/_sandbox/`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("urn:li:organization:page1");
    expect(html).toContain("Mark partner ready");
    const form = new URLSearchParams({ clientId: c.clientId, ...t, status: "PARTNER_READY" });
    const moved = await fetch(`${sb.url}/_sandbox/ui/move`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
      redirect: "manual",
    });
    expect(moved.status).toBe(303);
    const res = await sb.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token);
    expect(Object.values(res.body.results)).toEqual([{ onboardingStatus: "PARTNER_READY" }]);
  });

  it("answers 404 and 405 like an API would", async () => {
    expect((await fetch(`${sb.url}/v2/nothing`)).status).toBe(404);
    expect((await fetch(`${sb.url}/oauth/v2/accessToken`)).status).toBe(405);
    expect((await sb.admin("/_sandbox/nothing")).status).toBe(404);
  });
});
