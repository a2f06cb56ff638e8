import "server-only";
import { db } from "@/lib/db/client";
// Support's read of a customer's emails (issue 14): recipient, template, cause, status, attempts and
// the SMTP answer, newest first. Never the data or the encrypted link.
import type { Prisma } from "@/lib/db/generated/client";
import { type Page, pagedRows, orderedPage } from "@/lib/pagination/page";

const EMAIL_ROW = {
  id: true,
  toAddress: true,
  template: true,
  cause: true,
  status: true,
  attempts: true,
  subject: true,
  smtpResponse: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
} as const satisfies Prisma.EmailSelect;

export type CustomerEmail = Prisma.EmailGetPayload<{ select: typeof EMAIL_ROW }>;

export async function customerEmails(customerId: string, page: number, pageSize = 10): Promise<Page<CustomerEmail>> {
  return pagedRows(page, pageSize, (window) => [
    db.email.findMany({
      where: { customerId },
      ...orderedPage({ createdAt: "desc" }, "desc", window),
      select: EMAIL_ROW,
    }),
    db.email.count({ where: { customerId } }),
  ]);
}
