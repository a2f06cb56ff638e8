import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "LinkedIn integrations" };

export default async function IntegrationsPage() {
  const actor = await requirePageActor([Role.CUSTOMER_ADMIN], "/integrations");
  if (!actor.customerId) throw new Error("customer admin without a customer");
  const customer = await db.customer.findUniqueOrThrow({ where: { id: actor.customerId }, select: { displayName: true } });
  return (
    <section>
      <h1 className="text-2xl font-semibold">{customer.displayName}: LinkedIn integrations</h1>
    </section>
  );
}
