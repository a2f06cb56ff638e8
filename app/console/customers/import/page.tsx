import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationImportForm } from "@/components/console/application-import-form";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { recentKeyImports } from "@/lib/customers/key-import-queries";
import { startKeyImportAction } from "./actions";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Import existing keys" };

// Issue 10 item 7 (C1, L21): vendors moving customers onto Onramp bring their existing LinkedIn keys in bulk.
export default async function KeyImportPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/customers/import");
  const recent = await recentKeyImports();
  return (
    <section aria-labelledby="key-import-heading" className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/console/customers" className="text-blue-800 hover:underline">
            ← Customers
          </Link>
        </p>
        <h1 id="key-import-heading" className="mt-1 text-2xl font-semibold">
          Import existing keys
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          For customers whose LinkedIn application already exists: each row creates the customer with its keys, or gives
          keys to an existing customer that has none.
        </p>
      </div>
      <ApplicationImportForm action={startKeyImportAction} />
      {recent.length > 0 ? (
        <div>
          <h2 className="text-lg font-semibold">Recent imports</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {recent.map((i) => (
              <li key={i.id}>
                <Link href={`/console/customers/import/${i.id}`} className="text-blue-800 underline">
                  {i.fileName ?? "Vendor API request"}
                </Link>{" "}
                — {i.rowCount} row(s), <Time value={i.createdAt} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
