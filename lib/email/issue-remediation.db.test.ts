// Issue 22: support sends an issue's steps to the customer's admins through the outbox, in each admin's language;
// one email per admin per occurrence, audited; an issue that is not the customer's to fix is refused.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { openIssueNow } from "@/lib/issues/lifecycle";
import { emailIssueRemediation } from "./issue-remediation";
import { readerFrame } from "./reader-frame";
import { renderEmail } from "./templates/render";

afterAll(disconnectDb);

const staff: Actor = { userId: `u-${randomUUID()}`, email: "support@example.test", role: "SUPPORT", customerId: null };

describe("issue remediation email (issue 22)", () => {
  it("queues the steps to each active admin once per occurrence, in the admin's language", async () => {
    const c = await createCustomerRow(`Remedy ${randomUUID()}`);
    const tag = randomUUID().slice(0, 8);
    await db.user.createMany({
      data: [
        { email: `de-${tag}@remedy.test`, role: "CUSTOMER_ADMIN", customerId: c.id, locale: "de" },
        { email: `en-${tag}@remedy.test`, role: "CUSTOMER_ADMIN", customerId: c.id },
        { email: `off-${tag}@remedy.test`, role: "CUSTOMER_ADMIN", customerId: c.id, disabledAt: new Date() },
      ],
    });
    const { id } = await openIssueNow({ type: "WIDGET_CANNOT_LOAD", customerId: c.id, detail: "script failed" });
    expect((await emailIssueRemediation(staff, id)).message).toBe("Queued the steps to 2 admins.");
    expect((await emailIssueRemediation(staff, id)).message).toContain("already sent");
    const emails = await db.email.findMany({ where: { customerId: c.id }, orderBy: { toAddress: "asc" } });
    expect(emails.map((e) => [e.template, e.toAddress])).toEqual([
      ["ISSUE_REMEDIATION", `de-${tag}@remedy.test`],
      ["ISSUE_REMEDIATION", `en-${tag}@remedy.test`],
    ]);
    const [german] = emails;
    if (!german) throw new Error("no email");
    const frame = await readerFrame(
      { template: german.template, toAddress: german.toAddress, customerId: c.id },
      "https://x.test/u",
    );
    const rendered = await renderEmail(german.template, german.data, frame, null);
    expect(rendered.subject).toContain("Die Autorisierungsseite von LinkedIn konnte nicht geladen werden");
    expect(rendered.text).toContain("Klicken Sie erneut auf die Schaltfläche");
    const audit = await db.auditLog.findMany({ where: { targetId: id }, select: { action: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(["issue.emailed", "issue.emailed"]);
  });

  it("refuses an issue that is not the customer's to fix", async () => {
    const c = await createCustomerRow(`Remedy ${randomUUID()}`);
    const { id } = await openIssueNow({ type: "UNKNOWN_TYPE", customerId: c.id, detail: "new type" });
    await expect(emailIssueRemediation(staff, id)).rejects.toThrow("not the customer's to fix");
  });
});
