import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { ApplicationImportProgress } from "@/components/console/application-import-progress";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { keyImportView } from "@/lib/customers/key-import-queries";
import { isSafeError } from "@/lib/errors/safe-error";

export const metadata: Metadata = { title: "Key import" };

// One bulk import (issue 10 item 7): its progress while LinkedIn checks the rows, then each row's outcome.
export default async function KeyImportResultPage({ params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  await requirePageActor(STAFF_ROLES, `/console/customers/import/${importId}`);
  const view = await keyImportView(importId).catch((e: unknown) => {
    if (isSafeError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <section aria-labelledby="key-import-result-heading" className="space-y-4">
      <PageHeading
        back={{ href: "/console/customers/import", label: "Import existing keys" }}
        id="key-import-result-heading"
      >
        Key import
      </PageHeading>
      <ApplicationImportProgress initial={view} />
    </section>
  );
}
