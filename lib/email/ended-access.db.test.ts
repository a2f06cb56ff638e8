// Issue 20 item 5: an email queued before someone's access ended does not go out. The email and the end of access
// are written in one transaction (no sweep of another test file can send it in between), then the sweep runs:
// the row is SUPPRESSED with the reason, and the mail server never sees it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { deliverDueEmails } from "./delivery";
import { queueInvitationEmail } from "./invitation-email";
import { queueEmail } from "./outbox";
import { catcher, customerWithAdmins, uid, useMailCatcher } from "./test-support/mail";

useMailCatcher();

type Admin = { customer: { id: string }; admin: { id: string; email: string } };

/** A customer's admin gets a nudge queued, and `endAccess` runs in the same transaction. */
async function nudgedThen(endAccess: (tx: Prisma.TransactionClient, who: Admin) => Promise<unknown>): Promise<Admin> {
  const { customer, admins } = await customerWithAdmins();
  const who = { customer, admin: admins[0]! };
  await db.$transaction(async (tx) => {
    await queueEmail(tx, nudge(who.admin.email, customer.id));
    await endAccess(tx, who);
  });
  return who;
}

const nudge = (to: string, customerId: string) => ({
  template: "ADMIN_ACTION_NEEDED" as const,
  to,
  cause: `test:${randomUUID()}`,
  data: {
    customerName: "Initech",
    integrationName: "RSC",
    reason: "A value is missing.",
    pageUrl: "http://x/integrations",
  },
  customerId,
});

/** Sweeps until the row is no longer waiting, and answers it. */
async function outcomeOf(to: string) {
  for (;;) {
    await deliverDueEmails();
    const row = await db.email.findFirstOrThrow({ where: { toAddress: to } });
    if (row.status !== "QUEUED" && row.status !== "SENDING") return row;
  }
}

describe("emails whose reason ended with someone's access are not sent", () => {
  it("anything about a customer archived after it was queued", async () => {
    const { admin } = await nudgedThen((tx, { customer }) =>
      tx.customer.update({ where: { id: customer.id }, data: { archivedAt: new Date() } }),
    );
    expect(await outcomeOf(admin.email)).toMatchObject({
      status: "SUPPRESSED",
      lastError: "Not sent: the customer is archived in Onramp.",
    });
    expect(catcher.messages().filter((m) => m.to.includes(admin.email))).toHaveLength(0);
  });

  it("a nudge to a person disabled after it was queued", async () => {
    const { admin } = await nudgedThen((tx, { admin }) =>
      tx.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } }),
    );
    expect(await outcomeOf(admin.email)).toMatchObject({
      status: "SUPPRESSED",
      lastError: `Not sent: the account of ${admin.email} is disabled.`,
    });
  });

  it("an invitation withdrawn, or whose sender was disabled, after it was queued", async () => {
    const sender = () =>
      db.user.create({ data: { email: `op-${uid()}@onramp.test`, role: "OPERATOR", passwordHash: "x" } });
    const [keeps, leaves] = [await sender(), await sender()];
    const withdrawn = { email: `revoked-${uid()}@initech.test`, createdById: keeps.id };
    const orphaned = { email: `sender-off-${uid()}@initech.test`, createdById: leaves.id };
    await db.$transaction(async (tx) => {
      for (const invitee of [withdrawn, orphaned]) {
        const inv = await tx.invitation.create({
          data: {
            ...invitee,
            role: "SUPPORT",
            tokenHash: randomUUID(),
            expiresAt: new Date(Date.now() + 86_400_000),
          },
        });
        const link = `http://localhost:3000/invite/${randomUUID()}`;
        await queueInvitationEmail(tx, { ...inv, customerId: null, customerName: null, link });
      }
      await tx.invitation.updateMany({ where: { email: withdrawn.email }, data: { revokedAt: new Date() } });
      await tx.user.update({ where: { id: leaves.id }, data: { disabledAt: new Date() } });
    });
    for (const { email } of [withdrawn, orphaned])
      expect(await outcomeOf(email)).toMatchObject({
        status: "SUPPRESSED",
        lastError: "Not sent: the invitation was withdrawn.",
      });
  });
});
