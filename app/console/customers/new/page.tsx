import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { CustomerForm } from "@/components/console/customer-form";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { createCustomerAction } from "../actions";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/customers/new");
  return (
    <section aria-labelledby="new-customer-heading" className="max-w-2xl">
      <PageHeading
        back={{ href: "/console/customers", label: "Customers" }}
        id="new-customer-heading"
        intro="After creating it, give it a LinkedIn application: provision one through LinkedIn, or enter its existing keys."
      >
        New customer
      </PageHeading>
      <div className="mt-4 rounded border border-slate-200 bg-white p-4">
        <CustomerForm action={createCustomerAction} submitLabel="Create customer" formId="new-customer" />
      </div>
    </section>
  );
}
