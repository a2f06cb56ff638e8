import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  authorize,
  batchBody,
  batchInit,
  idsQuery,
  putCallbackUrl,
  RSC,
  startReceiver,
  startTestSandbox,
  useTestSandbox,
  waitFor,
  type Tuple,
} from "./helpers";

const sb = useTestSandbox({ batchSpacingMs: 0, retryDelayMs: 50 });

/** A customer with one named integration and (optionally) a callback URL, moved to PARTNER_READY. */
async function readyIntegration(org: string, callbackUrl: string | null) {
  const c = await sb.customer();
  const t = RSC(org);
  await authorize(sb, c.clientId, [t]);
  expect((await sb.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token, batchInit(batchBody([t])))).status).toBe(200);
  if (callbackUrl) expect((await putCallbackUrl(sb, c.token, t, callbackUrl)).status).toBe(200);
  expect(
    (await sb.admin("/_sandbox/integrations/move", { clientId: c.clientId, ...t, status: "PARTNER_READY" })).status,
  ).toBe(200);
  return { ...c, t };
}

const enable = (clientId: string, t: Tuple) =>
  sb.admin("/_sandbox/integrations/move", { clientId, ...t, status: "ENABLED" });

function expectedSignature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`hmacsha256=${body}`).digest("hex");
}

describe("INTEGRATION_STATUS_CHANGE push (C19, C20)", () => {
  it("signs the exact body with the application secret and the id resolves to the enabled integration", async () => {
    const receiver = await startReceiver([200]);
    try {
      const c = await readyIntegration("push1", receiver.url);
      const moved = await enable(c.clientId, c.t);
      expect(moved.status).toBe(200);
      const push = await waitFor(() => receiver.received[0]);
      expect(push.headers["content-type"]).toBe("application/json");
      expect(push.headers["x-li-signature"]).toBe(expectedSignature(c.clientSecret, push.body));
      expect(push.headers["x-li-signature"]).not.toBe(expectedSignature("other-secret", push.body));
      const body = JSON.parse(push.body);
      expect(body).toEqual({ id: expect.any(String), type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
      expect(body.id).toBe(moved.body.notification.requestId);
      const lookup = await sb.api(`/v2/atsIntegrations?q=request&requestId=${encodeURIComponent(body.id)}`, c.token);
      expect(lookup.body.elements).toEqual([
        {
          dataProvider: "ATS",
          integrationContext: c.t.integrationContext,
          integrationName: "Acme ONE_CLICK_EXPORT",
          integrationType: "ONE_CLICK_EXPORT",
          onboardingStatus: "ENABLED",
          tenantType: "RECRUITER",
        },
      ]);
      const log = await waitFor(async () =>
        (await sb.admin("/_sandbox/notifications")).body.notifications.find((n: any) => n.clientId === c.clientId),
      );
      expect(log).toMatchObject({ id: body.id, url: receiver.url, status: 200, attempt: 1, outcome: "delivered" });
    } finally {
      await receiver.close();
    }
  });

  it("sends nothing when the integration has no CALLBACK_URL configuration (C16)", async () => {
    const c = await readyIntegration("push2", null);
    const moved = await enable(c.clientId, c.t);
    expect(moved.status).toBe(200);
    expect(moved.body.notification).toBeNull();
    expect(moved.body.note).toMatch(/CALLBACK_URL/);
    expect(moved.body.integration.onboardingStatus).toBe("ENABLED");
    const log = (await sb.admin("/_sandbox/notifications")).body.notifications;
    expect(log.filter((n: any) => n.clientId === c.clientId)).toEqual([]);
  });

  it("moves only REQUESTED → PARTNER_READY → ENABLED unless forced", async () => {
    const c = await sb.customer();
    const t = RSC("push3");
    await authorize(sb, c.clientId, [t]);
    expect((await enable(c.clientId, t)).status).toBe(409);
    expect(
      (await sb.admin("/_sandbox/integrations/move", { clientId: c.clientId, ...t, status: "ENABLED", force: true }))
        .status,
    ).toBe(200);
  });
});

describe("retries (C23, C24)", () => {
  it("retries anything but 200 at retryDelayMs, each time with a new id that resolves to the same data", async () => {
    const receiver = await startReceiver([500, 400, 200]);
    try {
      const c = await readyIntegration("retry1", receiver.url);
      await enable(c.clientId, c.t);
      await waitFor(() => receiver.received.length >= 3);
      const ids = receiver.received.map((r) => JSON.parse(r.body).id);
      expect(new Set(ids).size).toBe(3);
      for (let i = 1; i < 3; i++)
        expect(receiver.received[i]!.at - receiver.received[i - 1]!.at).toBeGreaterThanOrEqual(45);
      for (const [i, r] of receiver.received.entries())
        expect(r.headers["x-li-signature"], `attempt ${i + 1}`).toBe(expectedSignature(c.clientSecret, r.body));
      for (const id of ids) {
        const lookup = await sb.api(`/v2/atsIntegrations?q=request&requestId=${encodeURIComponent(id)}`, c.token);
        expect(lookup.body.elements).toHaveLength(1);
        expect(lookup.body.elements[0]).toMatchObject({
          integrationContext: c.t.integrationContext,
          onboardingStatus: "ENABLED",
        });
      }
      const log = await waitFor(async () => {
        const all = (await sb.admin("/_sandbox/notifications")).body.notifications.filter(
          (n: any) => n.clientId === c.clientId,
        );
        return all.length === 3 && all;
      });
      expect(log.map((n: any) => [n.attempt, n.status, n.outcome])).toEqual([
        [1, 500, "will_retry"],
        [2, 400, "will_retry"],
        [3, 200, "delivered"],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("drops the notification after five retries", async () => {
    const receiver = await startReceiver([503]);
    try {
      const c = await readyIntegration("retry2", receiver.url);
      await enable(c.clientId, c.t);
      const log = await waitFor(async () => {
        const all = (await sb.admin("/_sandbox/notifications")).body.notifications.filter(
          (n: any) => n.clientId === c.clientId,
        );
        return all.some((n: any) => n.outcome === "dropped") && all;
      });
      expect(log.map((n: any) => n.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(log.at(-1).outcome).toBe("dropped");
      expect(receiver.received).toHaveLength(6);
    } finally {
      await receiver.close();
    }
  });

  it("retries when the callback cannot be reached at all", async () => {
    const receiver = await startReceiver([200]);
    await receiver.close(); // nothing listens there any more
    const c = await readyIntegration("retry3", receiver.url);
    await enable(c.clientId, c.t);
    const first = await waitFor(async () =>
      (await sb.admin("/_sandbox/notifications")).body.notifications.find((n: any) => n.clientId === c.clientId),
    );
    expect(first).toMatchObject({ status: null, outcome: "will_retry" });
    expect(first.error).toBeTruthy();
  });
});

describe("dropNotifications and arbitrary pushes", () => {
  it("with dropNotifications nothing is sent, but the status change is visible to the C19b poll (C28)", async () => {
    const receiver = await startReceiver([200]);
    try {
      const c = await readyIntegration("drop1", receiver.url);
      await sb.admin("/_sandbox/faults", { dropNotifications: true });
      await enable(c.clientId, c.t);
      const log = await waitFor(async () =>
        (await sb.admin("/_sandbox/notifications")).body.notifications.find((n: any) => n.clientId === c.clientId),
      );
      expect(log.outcome).toBe("suppressed");
      const poll = await sb.api(`/v2/atsIntegrations?${idsQuery([c.t])}`, c.token);
      expect(Object.values(poll.body.results)).toEqual([
        { integrationName: "Acme ONE_CLICK_EXPORT", onboardingStatus: "ENABLED" },
      ]);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await sb.admin("/_sandbox/faults", undefined, "DELETE");
      await receiver.close();
    }
  });

  it("sends an EXPORT_CANDIDATE_PROFILE notification with expiresAt, and a badly signed one on request", async () => {
    const receiver = await startReceiver([200]);
    try {
      const c = await readyIntegration("any1", receiver.url);
      const sent = await sb.admin("/_sandbox/notifications", {
        clientId: c.clientId,
        type: "EXPORT_CANDIDATE_PROFILE",
        expiresAt: 1481402799192,
      });
      expect(sent.status).toBe(202);
      const push = await waitFor(() => receiver.received[0]);
      expect(JSON.parse(push.body)).toEqual({
        id: sent.body.id,
        type: "EXPORT_CANDIDATE_PROFILE",
        expiresAt: 1481402799192,
      });
      expect(push.headers["x-li-signature"]).toBe(expectedSignature(c.clientSecret, push.body));
      await sb.admin("/_sandbox/notifications", {
        clientId: c.clientId,
        type: "EXPORT_CANDIDATE_PROFILE",
        badSignature: true,
      });
      const bad = await waitFor(() => receiver.received[1]);
      expect(bad.headers["x-li-signature"]).not.toBe(expectedSignature(c.clientSecret, bad.body));
      expect(JSON.parse(bad.body)).not.toHaveProperty("expiresAt");
    } finally {
      await receiver.close();
    }
  });
});

describe("autoPartnerReady", () => {
  it("moves a named integration with a CALLBACK_URL to PARTNER_READY", async () => {
    const auto = await startTestSandbox({ autoPartnerReady: true, batchSpacingMs: 0 });
    try {
      const c = await auto.customer();
      const t = RSC("auto1");
      await authorize(auto, c.clientId, [t]);
      await auto.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token, batchInit(batchBody([t])));
      const status = async () =>
        Object.values((await auto.api(`/v2/atsIntegrations?${idsQuery([t])}`, c.token)).body.results)[0];
      expect(await status()).toMatchObject({ onboardingStatus: "REQUESTED" });
      await putCallbackUrl(auto, c.token, t, "http://127.0.0.1:9/cb");
      expect(await status()).toMatchObject({ onboardingStatus: "PARTNER_READY" });
    } finally {
      await auto.close();
    }
  });
});
