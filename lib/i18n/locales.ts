// The languages of the customer admin's pages and emails (issue 25 point 1) and how one is picked from a browser's
// Accept-Language. Pure: lib/i18n/locale.ts reads the request, the person and the customer.

export const LOCALES = ["en", "de", "fr", "es", "pt-BR", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  ja: "日本語",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The supported language a tag names: exact ("pt-BR"), else by its language ("de-AT" → de, "pt-PT" → pt-BR). */
function matchTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split("-")[0];
  return LOCALES.find((l) => l.toLowerCase().split("-")[0] === language) ?? null;
}

/** The best supported language of an Accept-Language header (RFC 9110 §12.5.4: q-values, then order). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranges) {
    const found = matchTag(r.tag);
    if (found) return found;
  }
  return null;
}

/** The person's choice, else the customer's default, else the browser's; English when none is supported. */
export function pickLocale(choices: {
  person?: string | null;
  customer?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(choices.person)) return choices.person;
  if (isLocale(choices.customer)) return choices.customer;
  return negotiateLocale(choices.acceptLanguage) ?? DEFAULT_LOCALE;
}
