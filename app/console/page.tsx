import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Overview" };

export default async function ConsoleOverviewPage() {
  await requirePageActor(STAFF_ROLES, "/console");
  return (
    <section>
      <h1 className="text-2xl font-semibold">Onboarding overview</h1>
    </section>
  );
}
