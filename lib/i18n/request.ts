// next-intl's request configuration (named in next.config.ts; no locale in the URL): the request's language and
// only its catalogue. A page about one customer may ask for its language explicitly (getTranslations({ locale })).
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./catalogues";
import { requestLocale } from "./locale";
import { isLocale } from "./locales";

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
