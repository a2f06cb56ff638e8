import "server-only";
// An archived customer gets no new work (issue 20 item 5): no job about it starts (lib/jobs/archived.ts, where
// every job start passes), its keys and settings do not change, and nobody signs in for it (lib/auth/actor.ts,
// lib/admin-links, lib/people/invitations.ts) until it is restored.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { CUSTOMER_ARCHIVED_MESSAGE } from "@/lib/jobs/archived";

export { CUSTOMER_ARCHIVED_MESSAGE };

type Client = Pick<Prisma.TransactionClient, "customer">;

/** Throws unless the customer exists and is not archived. */
export async function assertCustomerActive(customerId: string, client: Client = db): Promise<void> {
  const customer = await client.customer.findUnique({ where: { id: customerId }, select: { archivedAt: true } });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  if (customer.archivedAt) throw new SafeError("conflict", CUSTOMER_ARCHIVED_MESSAGE);
}
