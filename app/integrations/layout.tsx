import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { Role } from "@/lib/auth/roles";

export default async function CustomerAdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor([Role.CUSTOMER_ADMIN], "/integrations");
  return <AppShell actor={actor}>{children}</AppShell>;
}
