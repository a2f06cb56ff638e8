// Events out to a local receiver (issue 12, test-support/receiver-stack.ts): a sandbox ENABLED move and an
// EXPORT_CANDIDATE_PROFILE push each arrive signed; exports resolved for endpoints that chose it (L17, L18).
import { eventually } from "@/test/eventually";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callsToday, dailyBudget } from "@/lib/linkedin/call-count";
import { ENDPOINTS } from "@/lib/linkedin/endpoints";
import { processNotification } from "@/lib/notifications/process";
import { newTuple, requestedIntegration, testCustomer } from "@/lib/notifications/test-support/fixtures";
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint } from "./endpoints";
import { getWebhookEndpoint } from "./queries";
import { deliverDue } from "./send";
import { consoleWebhookEndpointSchema, consoleWebhookEndpointUpdateSchema } from "./schemas";
import { startReceiver } from "./test-support/receiver";
import { sandbox, admin, operator, ctx, receivedFor, pushed, useWebhookReceiver } from "./test-support/receiver-stack";

useWebhookReceiver();

describe("webhooks to a local receiver: what is relayed", () => {
  it("a sandbox ENABLED move arrives signed as integration.status_changed and integration.enabled", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "PARTNER_READY");
    await admin("POST", "/integrations/move", { clientId: c.clientId, ...tuple, status: "ENABLED" });
    const n = await pushed(c, { type: "INTEGRATION_STATUS_CHANGE", integrations: [tuple] });
    await processNotification(n.id, ctx);
    const got = await receivedFor(c.customerId, (r) => r.length >= 2);
    expect(got.every((r) => r.verified && r.status === 200)).toBe(true);
    expect(got.map((r) => r.body!.type).sort()).toEqual(["integration.enabled", "integration.status_changed"]);
    const changed = got.find((r) => r.body!.type === "integration.status_changed")!.body!;
    expect(changed.data).toMatchObject({
      from: "PARTNER_READY",
      to: "ENABLED",
      enabled: true,
      source: "PUSH",
      integration: { id: integration.id },
    });
    expect(changed.id).toMatch(/^evt_\d+$/);
  });

  it("L18: an EXPORT_CANDIDATE_PROFILE push is relayed with the customer, LinkedIn id, type and expiry", async () => {
    const c = await testCustomer(admin);
    const expiresAt = Date.now() + 3_600_000;
    const n = await pushed(c, { type: "EXPORT_CANDIDATE_PROFILE", expiresAt });
    expect(await processNotification(n.id, ctx)).toMatchObject({ state: "NOT_HANDLED" });
    const [got] = await receivedFor(c.customerId, (r) => r.length >= 1);
    expect(got!.verified).toBe(true);
    expect(got!.body).toMatchObject({
      type: "linkedin.export_candidate_profile",
      customerId: c.customerId,
      data: {
        notification: {
          id: n.id,
          linkedinId: n.linkedinId,
          type: "EXPORT_CANDIDATE_PROFILE",
          expiresAt: new Date(expiresAt).toISOString(),
        },
      },
    });
  });

  it("L17, L18: an endpoint that chose it gets the export resolved through exportedCandidates with the customer's application, counted in its budget", async () => {
    const resolving = await startReceiver();
    const created = await createWebhookEndpoint(operator, {
      url: resolving.url,
      eventTypes: ["linkedin.export_candidate_profile"],
      resolveExports: true,
    });
    resolving.useSecret(created.secret);
    try {
      const c = await testCustomer(admin);
      // L27: the export names this customer's One-Click Export integration.
      await requestedIntegration(admin, c, newTuple(), "ENABLED");
      const n = await pushed(c, { type: "EXPORT_CANDIDATE_PROFILE", expiresAt: Date.now() + 3_600_000 });
      await processNotification(n.id, ctx);
      const got = await eventually("the resolved export", async () => {
        await deliverDue();
        return resolving.received.find((r) => r.body?.customerId === c.customerId) ?? null;
      });
      expect(got.verified).toBe(true);
      const exported = sandbox.state.exports.get(n.linkedinId)?.elements;
      expect(exported).toHaveLength(1);
      expect(got.body?.data).toMatchObject({
        notification: { linkedinId: n.linkedinId },
        exportedCandidates: JSON.parse(JSON.stringify(exported)),
      });
      // The endpoint that did not choose it gets the relay alone.
      const [plain] = await receivedFor(c.customerId, (r) => r.length >= 1);
      expect(plain?.body?.data).not.toHaveProperty("exportedCandidates");
      // One call, with the customer's own application (L2), counted in its exportedCandidates budget (L17).
      const calls = sandbox.state.calls.filter((x) => x.endpoint === "exported_candidates");
      expect(calls.map((x) => [x.clientId, x.status])).toEqual([[c.clientId, 200]]);
      const today = await callsToday(c.clientId);
      expect(today.endpoints.find((e) => e.endpoint === ENDPOINTS.exportedCandidates)?.count).toBe(1);
      expect((await dailyBudget(c.clientId, ENDPOINTS.exportedCandidates)).budget).toBe(100_000);
    } finally {
      await deleteWebhookEndpoint(operator, created.id);
      await resolving.close();
    }
  });

  it("L17, L18: the console's endpoint form sets and clears resolveExports (its box), shown on the endpoint; bad input is refused with clear messages", async () => {
    // What the add form posts (FormData as an object): the box ticked, one event type, no description.
    const added = consoleWebhookEndpointSchema.parse({
      url: "https://ats.example.com/hooks/console",
      description: "",
      eventTypes: "linkedin.export_candidate_profile",
      resolveExports: "true",
    });
    expect(added).toEqual({
      url: "https://ats.example.com/hooks/console",
      description: "",
      eventTypes: ["linkedin.export_candidate_profile"],
      resolveExports: true,
    });
    const { id } = await createWebhookEndpoint(operator, added);
    try {
      expect(await getWebhookEndpoint(id)).toMatchObject({
        description: null,
        eventTypes: ["linkedin.export_candidate_profile"],
        resolveExports: true,
      });
      // The edit form with the box unticked sends no resolveExports, and no event type: every type.
      const { endpointId, description, ...edited } = consoleWebhookEndpointUpdateSchema.parse({
        endpointId: id,
        url: "https://ats.example.com/hooks/console",
        description: "exports resolved by the ATS",
      });
      await updateWebhookEndpoint(operator, endpointId, { ...edited, description: description || null });
      expect(await getWebhookEndpoint(id)).toMatchObject({
        description: "exports resolved by the ATS",
        eventTypes: [],
        resolveExports: false,
      });
      const audit = await db.auditLog.findFirstOrThrow({
        where: { targetId: id, action: "webhook.updated" },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.details).toMatchObject({ resolveExports: false });

      const bad = consoleWebhookEndpointSchema.safeParse({
        url: "https://hooks:secret@ats.example.com/hook",
        eventTypes: "nope",
        resolveExports: "yes",
      });
      expect(bad.success).toBe(false);
      expect(bad.error?.flatten().fieldErrors).toEqual({
        url: ["Do not put credentials in the URL; verify the signature instead."],
        eventTypes: [expect.stringMatching(/^Choose event types among /)],
        resolveExports: ["Tick the box or leave it empty."],
      });
    } finally {
      await deleteWebhookEndpoint(operator, id);
    }
  });
});
