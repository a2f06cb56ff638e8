// Email (issue 14) through a real SMTP receiver (smtp-server, in process), asserting on the messages as
// mailparser reads them: invitation, PARTNER_READY nudge, reminder timing (by the database's clock),
// unsubscribe, digest, retries, and a worker killed mid-send that neither loses nor duplicates.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { setProcessEnv } from "@/lib/env";
import { applyOnboardingStatus } from "@/lib/onboarding-status/apply";
import { acceptInvitation, createInvitation } from "@/lib/people/invitations";
import { invitationCreateSchema } from "@/lib/people/schemas";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "./catcher";
import { claimDueEmails, deliverDueEmails } from "./delivery";
import { queueDailyDigest } from "./digest";
import { queueActionNeededEmails, queueDueReminders } from "./nudges";
import { resendEmail } from "./resend";
import { setUnsubscribed, viewUnsubscribe } from "./unsubscribe";

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
  setProcessEnv({ SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, EMAIL_RETRY_BASE_SECONDS: "60" });
});
afterAll(async () => {
  await catcher.close();
  await disconnectDb();
});

const uid = () => randomUUID().slice(0, 8);
async function sweep(): Promise<void> {
  while ((await deliverDueEmails()) > 0);
}
const mailTo = (address: string): CaughtMail[] =>
  catcher.messages().filter((m) => m.to.includes(address.toLowerCase()));

async function operator(): Promise<Actor> {
  const u = await db.user.create({ data: { email: `op-${uid()}@onramp.test`, role: "OPERATOR", passwordHash: "x" } });
  return { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
}

async function customerWithAdmins(n = 1) {
  const id = uid();
  const c = await db.customer.create({
    data: {
      displayName: `Globex ${id}`,
      foreignId: `f-${id}`,
      callbackKey: `cb-${randomUUID()}`,
      offeredIntegrationTypes: [],
    },
  });
  const admins = [];
  for (let k = 0; k < n; k += 1) {
    admins.push(
      await db.user.create({
        data: { email: `admin${k}-${id}@globex.test`, role: "CUSTOMER_ADMIN", customerId: c.id, passwordHash: "x" },
      }),
    );
  }
  const integration = await db.integration.create({
    data: {
      customerId: c.id,
      integrationContext: `urn:li:organization:${id}`,
      integrationType: "RECRUITER_SYSTEM_CONNECT",
      tenantType: "RECRUITER",
      name: `Globex ${id}'s LinkedIn Recruiter System Connect Integration`,
    },
  });
  return { customer: c, admins, integration };
}

describe("email", () => {
  it("delivers an invitation with the link the operator saw, from the vendor, with one-click unsubscribe headers", async () => {
    const { customer } = await customerWithAdmins(0);
    const to = `new-${uid()}@globex.test`;
    const inv = await createInvitation(
      await operator(),
      invitationCreateSchema.parse({ email: to, role: "CUSTOMER_ADMIN", customerId: customer.id }),
    );
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

  it("PARTNER_READY queues the nudge in the status change's transaction, once per admin, with plain steps for the product", async () => {
    const { integration, admins } = await customerWithAdmins(2);
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "POLL" });
    // A repeat of the same status (C24) queues nothing new.
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "PUSH" });
    expect(await db.email.count({ where: { integrationId: integration.id, template: "PARTNER_READY" } })).toBe(2);
    await sweep();
    for (const a of admins) {
      const mails = mailTo(a.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(`Your turn: enable ${integration.name} in LinkedIn Recruiter`);
      expect(mails[0]?.text).toMatch(/1\. Sign in to LinkedIn Recruiter/);
      expect(mails[0]?.text).toContain("/integrations");
      expect(mails[0]?.text).not.toContain(integration.id);
    }
  });

  it("reminds after N days in PARTNER_READY by the database's clock, at most once per N days, and stops at ENABLED", async () => {
    const { integration, admins } = await customerWithAdmins(1);
    const admin = admins[0]!;
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "POLL" });
    const reminders = () =>
      db.email.count({ where: { integrationId: integration.id, template: "PARTNER_READY_REMINDER" } });
    const age = (interval: string) =>
      db.$executeRawUnsafe(
        `UPDATE "Integration" SET "statusChangedAt" = now() - interval '${interval}' WHERE id = $1`,
        integration.id,
      );
    await age("2 days 23 hours");
    await queueDueReminders();
    expect(await reminders()).toBe(0);
    await age("3 days 1 hour");
    await queueDueReminders();
    await queueDueReminders();
    expect(await reminders()).toBe(1);
    await sweep();
    expect(mailTo(admin.email).map((m) => m.subject)).toContain(
      `Reminder: enable ${integration.name} in LinkedIn Recruiter`,
    );
    // Three more days pass (the reminder is three days old too): the second reminder.
    await age("6 days 1 hour");
    await db.$executeRaw`UPDATE "Email" SET "createdAt" = "createdAt" - interval '3 days' WHERE "integrationId" = ${integration.id}`;
    await queueDueReminders();
    expect(await reminders()).toBe(2);
    await applyOnboardingStatus({ integrationId: integration.id, status: "ENABLED", source: "PUSH" });
    await age("30 days");
    await db.$executeRaw`UPDATE "Email" SET "createdAt" = "createdAt" - interval '30 days' WHERE "integrationId" = ${integration.id}`;
    await queueDueReminders();
    expect(await reminders()).toBe(2);
  });

  it("one-click unsubscribe stops nudges to that person; the customer's switch stops them for everyone", async () => {
    const { customer, integration, admins } = await customerWithAdmins(2);
    const [a, b] = [admins[0]!, admins[1]!];
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "POLL" });
    await sweep();
    const key = (await db.email.findFirstOrThrow({ where: { integrationId: integration.id, toAddress: a.email } }))
      .unsubscribeKey;
    expect(mailTo(a.email)[0]?.headers["list-unsubscribe"]).toContain(key);
    expect(await viewUnsubscribe(key)).toMatchObject({ address: a.email, category: "NUDGES", optedOut: false });
    await setUnsubscribed(key, true);
    await setUnsubscribed(key, true); // a second click changes nothing
    await db.$executeRaw`UPDATE "Integration" SET "statusChangedAt" = now() - interval '3 days 1 hour' WHERE id = ${integration.id}`;
    await queueDueReminders();
    await sweep();
    const reminderTo = (addr: string) =>
      db.email.findFirstOrThrow({
        where: { integrationId: integration.id, template: "PARTNER_READY_REMINDER", toAddress: addr },
      });
    expect((await reminderTo(a.email)).status).toBe("SUPPRESSED");
    expect((await reminderTo(b.email)).status).toBe("SENT");
    expect(mailTo(a.email)).toHaveLength(1);
    expect(mailTo(b.email)).toHaveLength(2);
    // The customer's switch (an operator's): nothing more to anyone of this customer.
    await db.customer.update({ where: { id: customer.id }, data: { emailNudges: false } });
    await db.email.updateMany({
      where: { integrationId: integration.id },
      data: { createdAt: new Date(Date.UTC(2000, 0, 1)) },
    });
    await db.$executeRaw`UPDATE "Integration" SET "statusChangedAt" = now() - interval '6 days 1 hour' WHERE id = ${integration.id}`;
    expect(await queueDueReminders()).toBe(0);
  });

  it("tells the admins when LinkedIn refused a value only they enter, once per refusal, with the page's link", async () => {
    const { integration, admins } = await customerWithAdmins(1);
    // A type of its own, so no other test's sync ever needs this customer-entered key.
    const type = `EMAIL_TEST_${uid()}`;
    await db.configurationKeyRequirement.create({
      data: { integrationType: type, key: "jobBoardId", label: "Job board id", valueSource: "CUSTOMER" },
    });
    const reason = "LinkedIn refused jobBoardId: unknown job board.";
    await db.integration.update({
      where: { id: integration.id },
      data: { integrationType: type, configSyncState: "FAILED", configSyncError: reason },
    });
    await db.integrationConfiguration.create({
      data: { integrationId: integration.id, key: "jobBoardId", value: "x", syncState: "FAILED", syncError: reason },
    });
    expect(await queueActionNeededEmails()).toBe(1);
    expect(await queueActionNeededEmails()).toBe(0);
    await sweep();
    const [mail, ...more] = mailTo(admins[0]!.email);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe(`Action needed: LinkedIn refused a setting of ${integration.name}`);
    expect(mail?.text).toContain(reason);
    expect(mail?.text).toContain("/integrations");
  });

  it("sends the daily digest to support staff once a day, naming stuck integrations", async () => {
    const { integration, customer } = await customerWithAdmins(0);
    await db.$executeRaw`UPDATE "Integration" SET "statusChangedAt" = now() - interval '20 years' WHERE id = ${integration.id}`;
    const support = await db.user.create({
      data: { email: `support-${uid()}@onramp.test`, role: "SUPPORT", passwordHash: "x" },
    });
    await queueDailyDigest();
    await queueDailyDigest();
    await sweep();
    const mails = mailTo(support.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Onboarding digest \d{4}-\d{2}-\d{2}: \d+ stuck/);
    expect(mails[0]?.text).toContain(`${customer.displayName}: ${integration.name}, REQUESTED`);
    expect(mails[0]?.text).toContain("/console/issues");
  });

  it("retries with backoff after 451, records each SMTP answer, and fails at once on 550", async () => {
    const { customer } = await customerWithAdmins(0);
    const op = await operator();
    const to = `retry-${uid()}@globex.test`;
    await createInvitation(
      op,
      invitationCreateSchema.parse({ email: to, role: "CUSTOMER_ADMIN", customerId: customer.id }),
    );
    catcher.failNext(1, "451");
    await sweep();
    const first = await db.email.findFirstOrThrow({ where: { toAddress: to } });
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

    const to2 = `refused-${uid()}@globex.test`;
    await createInvitation(
      op,
      invitationCreateSchema.parse({ email: to2, role: "CUSTOMER_ADMIN", customerId: customer.id }),
    );
    catcher.failNext(1, "550");
    await sweep();
    const refused = await db.email.findFirstOrThrow({ where: { toAddress: to2 } });
    expect(refused).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(refused.smtpResponse).toMatch(/^550/);
  });

  it("support resends a sent invitation: a new record, the same working link, audited; a queued one can not be resent", async () => {
    const { customer } = await customerWithAdmins(0);
    const op = await operator();
    const to = `resend-${uid()}@globex.test`;
    const inv = await createInvitation(
      op,
      invitationCreateSchema.parse({ email: to, role: "CUSTOMER_ADMIN", customerId: customer.id }),
    );
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
    await createInvitation(
      await operator(),
      invitationCreateSchema.parse({ email: to, role: "CUSTOMER_ADMIN", customerId: customer.id }),
    );
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
