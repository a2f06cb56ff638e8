// One customer's timeline (issue 22 point 4): every source in one list newest first, paged by cursor without gaps or
// repeats (also when rows share a time), filtered by kind, and only this customer's rows.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createCustomerRow, createRscIntegrationRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import { recordFlowStep } from "@/lib/onboarding-flow/record";
import { encodeCursor } from "@/lib/pagination/cursor";
import { customerTimeline } from "./timeline";

afterAll(disconnectDb);

const t0 = new Date("2026-06-01T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function customerWithHistory() {
  const c = await createCustomerRow("Timeline Co");
  const integration = await createRscIntegrationRow(c.id, randomUUID().slice(0, 8), "Timeline RSC");
  await db.auditLog.create({
    data: {
      actorLabel: "op@vendor.test",
      action: "customer.created",
      targetType: "Customer",
      customerId: c.id,
      createdAt: at(0),
    },
  });
  await recordFlowStep({ customerId: c.id, step: "PAGE_OPENED", outcome: "OK", at: at(1) });
  await recordFlowStep({
    customerId: c.id,
    step: "LINKEDIN_SCRIPT",
    outcome: "FAILED",
    reason: "SCRIPT_UNREACHABLE",
    at: at(2),
  });
  await db.job.create({ data: { kind: "SYNC_NAMES", status: "SUCCEEDED", customerId: c.id, createdAt: at(3) } });
  await db.integrationStatusChange.create({
    data: {
      integrationId: integration.id,
      fromStatus: "REQUESTED",
      toStatus: "PARTNER_READY",
      source: "POLL",
      createdAt: at(4),
    },
  });
  await db.email.create({
    data: {
      customerId: c.id,
      toAddress: "admin@timeline.test",
      template: "PARTNER_READY",
      cause: `timeline:${randomUUID()}`,
      data: {},
      messageId: `<${randomUUID()}@t>`,
      unsubscribeKey: randomUUID(),
      createdAt: at(5),
    },
  });
  await db.notification.create({
    data: {
      customerId: c.id,
      linkedinId: randomUUID(),
      type: "ONBOARDING_STATUS_UPDATE",
      rawBody: "{}",
      signatureValid: true,
      receivedAt: at(6),
    },
  });
  // Two entries at the same instant: the id orders them, and paging neither repeats nor skips one.
  await db.auditLog.create({
    data: {
      actorLabel: "support@vendor.test",
      action: "note.a",
      targetType: "Customer",
      customerId: c.id,
      createdAt: at(7),
    },
  });
  await db.auditLog.create({
    data: {
      actorLabel: "support@vendor.test",
      action: "note.b",
      targetType: "Customer",
      customerId: c.id,
      createdAt: at(7),
    },
  });
  return c.id;
}

describe("customer timeline", () => {
  it("lists every kind newest first and pages through them by cursor", async () => {
    const customerId = await customerWithHistory();
    const other = await createCustomerRow("Timeline Other Co");
    await recordFlowStep({ customerId: other.id, step: "PAGE_OPENED", outcome: "OK", at: at(3) });

    const seen: { kind: string; title: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await customerTimeline(customerId, { cursor, pageSize: 3 });
      seen.push(...page.rows.map((r) => ({ kind: r.kind, title: r.title })));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen.map((e) => e.kind)).toEqual([
      // The failed script step opened the customer's "widget cannot load" issue just now (lib/onboarding-flow/extension.ts).
      "issue",
      "audit",
      "audit",
      "notification",
      "email",
      "status",
      "job",
      "flow",
      "flow",
      "audit",
    ]);
    expect(seen[0]?.title).toBe("Widget cannot load");
    expect(new Set(seen.slice(1, 3).map((e) => e.title))).toEqual(new Set(["note.a", "note.b"]));
    expect(seen[5]?.title).toBe("REQUESTED → PARTNER_READY");
    expect(seen[7]?.title).toMatch(/^LinkedIn's script: failed — the browser could not load the script/);
  });

  it("filters by kind", async () => {
    const customerId = await customerWithHistory();
    const flow = await customerTimeline(customerId, { kinds: ["flow"] });
    expect(flow.rows.map((r) => r.kind)).toEqual(["flow", "flow"]);
    expect(flow.nextCursor).toBeNull();
    const two = await customerTimeline(customerId, { kinds: ["job", "email"] });
    expect(two.rows.map((r) => r.kind)).toEqual(["email", "job"]);
    const issues = await customerTimeline(customerId, { kinds: ["issue"] });
    expect(issues.rows.map((r) => [r.title, r.detail])).toEqual([
      [
        "Widget cannot load",
        expect.stringMatching(/^OPEN by system:flow \(1 occurrence\): On the integrations page, /),
      ],
    ]);
  });

  it("refuses a cursor it did not hand out", async () => {
    const customerId = await customerWithHistory();
    await expect(customerTimeline(customerId, { cursor: encodeCursor(["soon", "x"]) })).rejects.toThrow(/cursor/);
  });
});
