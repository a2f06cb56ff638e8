import Link from "next/link";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { outboundPolicy, PRIVATE_NETWORK_NOTICE } from "@/lib/egress/policy";

// Every console page is for the vendor's staff; pages that need more (operators only) check again. While the
// development setting OUTBOUND_ALLOW_PRIVATE_NETWORK is on (issue 20, point 1), every console page says so.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor(STAFF_ROLES, "/console");
  return (
    <AppShell actor={actor} linkAs={Link}>
      {outboundPolicy().allowPrivateNetwork ? (
        <p
          data-testid="outbound-private-notice"
          className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          {PRIVATE_NETWORK_NOTICE}
        </p>
      ) : null}
      {children}
    </AppShell>
  );
}
