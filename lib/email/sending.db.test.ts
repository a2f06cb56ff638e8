// Sending email (issue 14) through a real SMTP receiver (test-support/mail.ts): the invitation with its link and
// one-click unsubscribe headers, retries, support's resend, and a worker killed mid-send that neither loses nor duplicates.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { acceptInvitation, createInvitation } from "@/lib/people/invitations";
import { invitationCreateSchema } from "@/lib/people/schemas";
import { claimDueEmails } from "./delivery";
import { resendEmail } from "./resend";
import { catcher, useMailCatcher, uid, sweep, mailTo, operator, customerWithAdmins } from "./test-support/mail";

useMailCatcher({ EMAIL_RETRY_BASE_SECONDS: "60" });

/** An operator invites `email` as an admin of the customer: the invitation email is queued with it. */
const inviteAdmin = (op: Actor, email: string, customerId: string) =>
  createInvitation(op, invitationCreateSchema.parse({ email, role: "CUSTOMER_ADMIN", customerId }));

/** Invites `email`, has the mail server answer its first attempt with `smtpCode`, and answers the email row. */
async function invitationAnswered(op: Actor, email: string, customerId: string, smtpCode: "451" | "550") {
  await inviteAdmin(op, email, customerId);
  catcher.failNext(1, smtpCode);
  await sweep();
  return db.email.findFirstOrThrow({ where: { toAddress: email } });
}

describe("email: sending", () => {
  it("delivers an invitation with the link the operator saw, from the vendor, with one-click unsubscribe headers", async () => {
    const { customer } = await customerWithAdmins(0);
    const to = `new-${uid()}@globex.test`;
    const inv = await inviteAdmin(await operator(), to, customer.id);
    const row = await db.email.findFirstOrThrow({ where: { cause: `invitation:${inv.id}` } });
    expect(row).toMatchObject({ template: "INVITATION", status: "QUEUED", toAddress: to, customerId: customer.id });
    // The outbox holds the link only encrypted.
    expect(JSON.stringify(row)).not.toContain(inv.token);
    await sweep();
    const [mail, ...more] = mailTo(to);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toContain("Onramp ATS");
    expect(mail?.from).toBe("onboarding@onramp.test");
    expect(mail?.text).toContain(inv.url);
    expect(mail?.html).toContain(inv.url.replace(/&/g, "&amp;"));
    expect(mail?.messageId).toBe(row.messageId);
    expect(mail?.headers["list-unsubscribe"]).toContain(`/unsubscribe/${row.unsubscribeKey}`);
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // No internal id in the message.
    for (const internal of [inv.id, customer.id, row.id]) expect(`${mail?.text}${mail?.html}`).not.toContain(internal);
    const sent = await db.email.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sent.smtpResponse).toMatch(/^250/);
    // The link in the mail works: it sets the password.
    const link = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
    expect((await acceptInvitation(link, { password: "a-long-enough-password" })).email).toBe(to);
  });

  it("retries with backoff after 451, records each SMTP answer, and fails at once on 550", async () => {
    const { customer } = await customerWithAdmins(0);
    const op = await operator();
    const to = `retry-${uid()}@globex.test`;
    const first = await invitationAnswered(op, to, customer.id, "451");
    expect(first).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(first.smtpResponse).toMatch(/^451/);
    const waits = await db.$queryRaw<
      { wait: number }[]
    >`SELECT extract(epoch FROM "nextAttemptAt" - now())::int AS wait FROM "Email" WHERE id = ${first.id}`;
    expect(waits[0]?.wait).toBeGreaterThan(30);
    await db.$executeRaw`UPDATE "Email" SET "nextAttemptAt" = now() WHERE id = ${first.id}`;
    await sweep();
    expect(await db.email.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(mailTo(to)).toHaveLength(1);

    const refused = await invitationAnswered(op, `refused-${uid()}@globex.test`, customer.id, "550");
    expect(refused).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(refused.smtpResponse).toMatch(/^550/);
  });

  it("support resends a sent invitation: a new record, the same working link, audited; a queued one can not be resent", async () => {
    const { customer } = await customerWithAdmins(0);
    const op = await operator();
    const to = `resend-${uid()}@globex.test`;
    const inv = await inviteAdmin(op, to, customer.id);
    const original = await db.email.findFirstOrThrow({ where: { toAddress: to } });
    await expect(resendEmail(op, original.id, customer.id)).rejects.toThrow("still being sent");
    await sweep();
    await resendEmail(op, original.id, customer.id);
    await sweep();
    const mails = mailTo(to);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text).toContain(inv.url);
    expect(mails[1]?.messageId).not.toBe(mails[0]?.messageId);
    expect(await db.auditLog.count({ where: { action: "email.resent", targetId: original.id } })).toBe(1);
    await expect(resendEmail(op, original.id, `other-${uid()}`)).rejects.toThrow("No such email");
  });

  it("a worker killed after recording its attempt and before SMTP loses nothing and sends once", async () => {
    const { customer } = await customerWithAdmins(0);
    const to = `killed-${uid()}@globex.test`;
    await inviteAdmin(await operator(), to, customer.id);
    const row = await db.email.findFirstOrThrow({ where: { toAddress: to } });
    // The "killed" worker: claims (attempt recorded, SENDING under a lease) and never sends.
    let claimed = false;
    while (!claimed) {
      const batch = await claimDueEmails();
      if (batch.length === 0) break;
      claimed = batch.some((e) => e.id === row.id);
    }
    expect(claimed).toBe(true);
    await sweep();
    expect(mailTo(to)).toHaveLength(0); // still leased: no second worker sends it meanwhile
    // The lease ends (the database's clock moves past it); the sweep sends it, once, with the same Message-ID.
    await db.$executeRaw`UPDATE "Email" SET "claimedUntil" = now() - interval '1 second' WHERE id = ${row.id}`;
    await sweep();
    await sweep();
    const mails = mailTo(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.messageId).toBe(row.messageId);
    expect(await db.email.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });
});
