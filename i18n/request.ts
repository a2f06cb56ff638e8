// next-intl's request configuration (named in next.config.ts; no locale in the URL, issue 25): the request's
// language (lib/i18n/locale.ts) and only its catalogue. A page about one customer may ask for its language
// explicitly (getTranslations({ locale })). Lives beside app/ because it reads the request: session and headers.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { cache } from "react";
import { currentActor } from "@/lib/auth/actor";
import { loadMessages } from "@/lib/i18n/catalogues";
import { readerLocale } from "@/lib/i18n/locale";
import { isLocale } from "@/lib/i18n/locales";

const requestLocale = cache(async () => {
  const [actor, h] = await Promise.all([currentActor(), headers()]);
  return readerLocale(actor, h.get("accept-language"));
});

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
