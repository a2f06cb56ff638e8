import type NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { BrandMark, type BrandView } from "./brand-mark";
import { NavLink } from "./nav-link";

export type NavItem = { href: string; label: string };

const PRODUCT = "Onramp";
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

export function navFor(actor: Actor, customerNav = "LinkedIn integrations"): NavItem[] {
  if (actor.role === "CUSTOMER_ADMIN") return [{ href: "/integrations", label: customerNav }];
  return actor.role === "OPERATOR" ? [...STAFF_NAV, ...OPERATOR_NAV] : STAFF_NAV;
}

/**
 * The frame of every signed-in page. A customer admin's carries the vendor's look (issue 25 point 2): the brand
 * colour fills the bar and its text is black or white, whichever contrasts more (lib/branding/contrast.ts).
 */
export async function AppShell({
  actor,
  brand,
  tools,
  linkAs,
  children,
}: {
  actor: Actor;
  brand?: BrandView;
  /** Shown beside the sign-out button (the customer admin's language menu). */
  tools?: React.ReactNode;
  /**
   * next/link for the console (prefetching between its pages). The customer admin's frame uses NavLink (client-side
   * navigation too, C8, without next/link's client code, which would put their page's first-load JavaScript over its
   * 150 kB budget, issue 25). Passed in, so the import stays out of the customer admin's page.
   */
  linkAs?: typeof NextLink;
  children: React.ReactNode;
}) {
  const t = await getTranslations("Shell");
  const Anchor = linkAs ?? NavLink;
  const bar = brand ? { backgroundColor: brand.primaryColor, color: brand.textColor } : undefined;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <header className={brand ? "border-b border-slate-200" : "border-b border-slate-200 bg-white"} style={bar}>
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          {brand ? (
            <Anchor href="/" data-testid="brand-link">
              <BrandMark brand={brand} logoAlt={t("logo", { name: brand.displayName })} />
            </Anchor>
          ) : (
            <Anchor href="/" className="text-lg font-semibold text-blue-800">
              {PRODUCT}
            </Anchor>
          )}
          <nav aria-label={t("mainNav")} className="flex flex-1 flex-wrap gap-4 text-sm">
            {navFor(actor, t("nav")).map((item) => (
              <Anchor
                key={item.href}
                href={item.href}
                className={
                  brand ? "underline-offset-2 hover:underline" : "text-slate-700 hover:text-blue-700 hover:underline"
                }
              >
                {item.label}
              </Anchor>
            ))}
          </nav>
          <div className={`flex flex-wrap items-center gap-3 text-sm ${brand ? "" : "text-slate-600"}`}>
            {tools}
            <span data-testid="signed-in-as">
              {actor.email} · {actor.role === "CUSTOMER_ADMIN" ? t("role") : ROLE_LABELS[actor.role]}
            </span>
            <SignOutButton label={t("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
