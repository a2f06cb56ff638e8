import type { Metadata } from "next";
import Link from "next/link";
import { CustomerForm } from "@/components/console/customer-form";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { createCustomerAction } from "../actions";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/customers/new");
  return (
    <section aria-labelledby="new-customer-heading" className="max-w-2xl">
      <p className="text-sm">
        <Link href="/console/customers" className="text-blue-800 hover:underline">
          ← Customers
        </Link>
      </p>
      <h1 id="new-customer-heading" className="mt-1 text-2xl font-semibold">
        New customer
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        After creating it, give it a LinkedIn application: provision one through LinkedIn, or enter its existing keys.
      </p>
      <div className="mt-4 rounded border border-slate-200 bg-white p-4">
        <CustomerForm action={createCustomerAction} submitLabel="Create customer" formId="new-customer" />
      </div>
    </section>
  );
}
