import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";

export type NavItem = { href: string; label: string };

const STAFF_NAV: NavItem[] = [
  { href: "/console", label: "Overview" },
  { href: "/console/customers", label: "Customers" },
  { href: "/console/issues", label: "Issues" },
  { href: "/console/audit", label: "Audit log" },
  { href: "/console/webhooks", label: "Webhooks" },
];
const OPERATOR_NAV: NavItem[] = [
  { href: "/console/people", label: "People" },
  { href: "/console/settings", label: "Settings" },
];
const CUSTOMER_NAV: NavItem[] = [{ href: "/integrations", label: "LinkedIn integrations" }];

export function navFor(actor: Actor): NavItem[] {
  if (actor.role === "CUSTOMER_ADMIN") return CUSTOMER_NAV;
  return actor.role === "OPERATOR" ? [...STAFF_NAV, ...OPERATOR_NAV] : STAFF_NAV;
}

export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-blue-800">
            Onramp
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-4 text-sm">
            {navFor(actor).map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700 hover:underline">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="signed-in-as">
              {actor.email} · {ROLE_LABELS[actor.role]}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
