// Email nudges (issue 14) through a real SMTP receiver (test-support/mail.ts): the PARTNER_READY nudge, reminder
// timing by the database's clock, unsubscribe, values only admins enter, and the daily digest.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { applyOnboardingStatus } from "@/lib/onboarding-status/apply";
import { queueDailyDigest } from "./digest";
import { queueActionNeededEmails, queueDueReminders } from "./nudges";
import { setUnsubscribed, viewUnsubscribe } from "./unsubscribe";
import { useMailCatcher, uid, sweep, mailTo, customerWithAdmins } from "./test-support/mail";

useMailCatcher({ EMAIL_RETRY_BASE_SECONDS: "60" });

describe("email: nudges and the digest", () => {
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

  it("the ready email's enable steps come out in the customer's language (issue 25)", async () => {
    const { customer, admins, integration } = await customerWithAdmins(1);
    await db.customer.update({ where: { id: customer.id }, data: { defaultLocale: "de" } });
    await applyOnboardingStatus({ integrationId: integration.id, status: "PARTNER_READY", source: "POLL" });
    await sweep();
    const [mail] = mailTo(admins[0]!.email);
    expect(mail?.text).toMatch(/1\. Melden Sie sich bei LinkedIn Recruiter mit einem Konto an/);
    expect(mail?.text).toContain(`3. Suchen Sie „${integration.name}“`);
    expect(mail?.text).not.toMatch(/Sign in to|switch it on/);
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
});
