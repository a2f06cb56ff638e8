import "server-only";
// Who reads an email decides its language and look (issue 25): a customer's admins get their own language, else the
// customer's default, in the vendor's look with the customer's overrides; staff emails (the digest) stay English.
import type { EmailTemplate } from "@/lib/db/enums";
import { brandingFor } from "@/lib/branding/branding";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, pickLocale, type Locale } from "@/lib/i18n/locales";
import { emailTranslator, type TemplateFrame } from "./templates/frame";

async function readerLocale(template: EmailTemplate, toAddress: string, customerId: string | null): Promise<Locale> {
  if (template === "SUPPORT_DIGEST" || !customerId) return DEFAULT_LOCALE;
  const [person, customer] = await Promise.all([
    db.user.findUnique({ where: { email: toAddress.toLowerCase() }, select: { locale: true, customerId: true } }),
    db.customer.findUnique({ where: { id: customerId }, select: { defaultLocale: true } }),
  ]);
  // Someone else's account at this address (another customer's admin) does not choose this customer's language.
  const own = person?.customerId === customerId ? person.locale : null;
  return pickLocale({ person: own, customer: customer?.defaultLocale });
}

export async function readerFrame(
  email: { template: EmailTemplate; toAddress: string; customerId: string | null },
  unsubscribeUrl: string,
): Promise<TemplateFrame> {
  const [locale, brand] = await Promise.all([
    readerLocale(email.template, email.toAddress, email.customerId),
    brandingFor(email.customerId),
  ]);
  return {
    vendorName: brand.displayName,
    unsubscribeUrl,
    locale,
    t: await emailTranslator(locale),
    brand: { primaryColor: brand.primaryColor, textColor: brand.textColor, supportContact: brand.supportContact },
  };
}
