import { getLocale } from "next-intl/server";
import { LanguageForm } from "@/components/integrations/language-form";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { Role } from "@/lib/auth/roles";
import { brandingFor } from "@/lib/branding/branding";
import { isLocale } from "@/lib/i18n/locales";
import { setLanguageAction } from "./actions";

// The customer admin's frame in the vendor's look (issue 25 point 2), with their language menu (point 1).
export default async function CustomerAdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor([Role.CUSTOMER_ADMIN], "/integrations");
  const [brand, locale] = await Promise.all([brandingFor(actor.customerId), getLocale()]);
  return (
    <AppShell
      actor={actor}
      brand={brand}
      tools={<LanguageForm current={isLocale(locale) ? locale : "en"} action={setLanguageAction} />}
    >
      {children}
    </AppShell>
  );
}
