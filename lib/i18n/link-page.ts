import "server-only";
// What a page opened from a link needs to speak the customer's language in the vendor's look (issue 25).
import { getMessages, getTranslations } from "next-intl/server";
import { type Branding, brandingFor } from "@/lib/branding/branding";
import { customerLocale } from "./locale";

export async function linkPageContext(customerId: string | null) {
  const locale = await customerLocale(customerId);
  const [brand, all, shell] = await Promise.all([
    brandingFor(customerId),
    getMessages({ locale }),
    getTranslations({ locale, namespace: "Shell" }),
  ]);
  const { Email: _emails, ...messages } = all;
  return { locale, brand: brand satisfies Branding, messages, logoAlt: shell("logo", { name: brand.displayName }) };
}
