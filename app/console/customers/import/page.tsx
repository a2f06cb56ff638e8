import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { ApplicationImportForm } from "@/components/console/application-import-form";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { startKeyImportAction } from "./actions";
import { RecentImports } from "./recent-imports";

export const metadata: Metadata = { title: "Import existing keys" };

// Issue 10 item 7 (C1, L21): vendors moving customers onto Onramp bring their existing LinkedIn keys in bulk. Issue 21
// (point 1): the form is sent at once; the recent imports stream in behind their own Suspense boundary.
export default async function KeyImportPage() {
  await requirePageActor(OPERATOR_ONLY, "/console/customers/import");
  return (
    <section aria-labelledby="key-import-heading" className="max-w-3xl space-y-6">
      <PageHeading
        back={{ href: "/console/customers", label: "Customers" }}
        id="key-import-heading"
        intro="For customers whose LinkedIn application already exists: each row creates the customer with its keys, or gives keys to an existing customer that has none."
      >
        Import existing keys
      </PageHeading>
      <ApplicationImportForm action={startKeyImportAction} />
      <StreamedSection id="recent-imports" title="Recent imports">
        <RecentImports />
      </StreamedSection>
    </section>
  );
}
