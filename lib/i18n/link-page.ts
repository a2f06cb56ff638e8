import "server-only";
// What a page opened from a link needs to speak the customer's language in the vendor's look (issue 25): the
// customer's default language, else the request's (the browser's, nobody being signed in).
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { brandingFor } from "@/lib/branding/branding";
import { customerDefaultLocale } from "./locale";

export async function linkPageContext(customerId: string | null) {
  const locale = (await customerDefaultLocale(customerId)) ?? (await getLocale());
  const [brand, all, shell] = await Promise.all([
    brandingFor(customerId),
    getMessages({ locale }),
    getTranslations({ locale, namespace: "Shell" }),
  ]);
  const { Email: _emails, ...messages } = all;
  return { locale, brand, messages, logoAlt: shell("logo", { name: brand.displayName }) };
}
