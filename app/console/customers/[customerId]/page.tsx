import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCustomerPage } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  await requireCustomerPage(customerId, STAFF_ROLES, `/console/customers/${customerId}`);
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { displayName: true, foreignId: true } });
  if (!customer) notFound();
  return (
    <section>
      <h1 className="text-2xl font-semibold">{customer.displayName}</h1>
      <p className="text-sm text-slate-600">Customer id {customer.foreignId}</p>
    </section>
  );
}
