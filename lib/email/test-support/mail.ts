// The set-up of the email test files (issue 14): a real SMTP receiver (smtp-server, in process) whose messages
// mailparser reads, Onramp's SMTP_URL pointed at it, and the customers, admins and operators the tests write to.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, disconnectDb } from "@/lib/db/client";
import { createCustomerRow, createRscIntegrationRow } from "@/lib/customers/test-support/customer-row";
import { setProcessEnv } from "@/lib/env";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "../catcher";
import { deliverDueEmails } from "../delivery";

export let catcher: MailCatcher;

/** Starts the mail catcher for this file with `env` set beside SMTP_URL, and stops it (and the client) after. */
export function useMailCatcher(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    catcher = await startMailCatcher();
    setProcessEnv({ SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, ...env });
  });
  afterAll(async () => {
    await catcher.close();
    await disconnectDb();
  });
}

export const uid = () => randomUUID().slice(0, 8);
export async function sweep(): Promise<void> {
  while ((await deliverDueEmails()) > 0);
}
export const mailTo = (address: string): CaughtMail[] =>
  catcher.messages().filter((m) => m.to.includes(address.toLowerCase()));

export async function operator(): Promise<Actor> {
  const u = await db.user.create({ data: { email: `op-${uid()}@onramp.test`, role: "OPERATOR", passwordHash: "x" } });
  return { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
}

export async function customerWithAdmins(n = 1) {
  const id = uid();
  const c = await createCustomerRow(`Globex ${id}`);
  const admins = [];
  for (let k = 0; k < n; k += 1) {
    admins.push(
      await db.user.create({
        data: { email: `admin${k}-${id}@globex.test`, role: "CUSTOMER_ADMIN", customerId: c.id, passwordHash: "x" },
      }),
    );
  }
  const integration = await createRscIntegrationRow(
    c.id,
    id,
    `Globex ${id}'s LinkedIn Recruiter System Connect Integration`,
  );
  return { customer: c, admins, integration };
}
