// What every template gets besides its own props: the unsubscribe address and, for a customer's admins, their
// language and the vendor's look (issue 25). Staff emails get English and the vendor's look.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";

export async function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), timeZone: "UTC" });
}
export type EmailTranslator = Awaited<ReturnType<typeof emailTranslator>>;

/** The vendor's look in an email (lib/branding/branding.ts). */
export type EmailBrand = { primaryColor: string; textColor: string; supportContact: string | null };

export type TemplateFrame = {
  vendorName: string;
  unsubscribeUrl: string;
  locale: Locale;
  t: EmailTranslator;
  brand: EmailBrand;
};
