import "server-only";
// The language of a request (issue 25 point 1): the signed-in person's choice, else their customer's default
// (operators set it), else the browser's Accept-Language. Staff pages stay English. i18n/request.ts reads the
// request (session, headers) and asks here.
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale, pickLocale } from "./locales";

/** Who is asking, as far as their language goes. */
export type LocaleReader = { userId: string; role: string } | null;

export async function readerLocale(reader: LocaleReader, acceptLanguage: string | null): Promise<Locale> {
  if (!reader) return pickLocale({ acceptLanguage });
  if (reader.role !== "CUSTOMER_ADMIN") return DEFAULT_LOCALE;
  const user = await db.user.findUnique({
    where: { id: reader.userId },
    select: { locale: true, customer: { select: { defaultLocale: true } } },
  });
  return pickLocale({ person: user?.locale, customer: user?.customer?.defaultLocale, acceptLanguage });
}

/** A customer's default language, if an operator set one. */
export async function customerDefaultLocale(customerId: string | null): Promise<Locale | null> {
  if (!customerId) return null;
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { defaultLocale: true } });
  const picked = pickLocale({ customer: customer?.defaultLocale });
  return customer?.defaultLocale === picked ? picked : null;
}
