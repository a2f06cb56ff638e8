import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";

// Every console page is for the vendor's staff; pages that need more (operators only) check again.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console");
  return <AppShell actor={actor}>{children}</AppShell>;
}
