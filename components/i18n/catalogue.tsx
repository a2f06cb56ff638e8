"use client";
// The page's catalogue in the browser (issue 25, last point: the customer admin's first-load JavaScript stays within
// its 150 kB budget). The server hands the client components its language's messages, compiled at build time by
// next-intl's plugin (next.config.ts: precompile), and icu-minify's runtime (under 1 kB) formats them here; next-intl's
// own client provider and hooks (about 7 kB gzipped) never reach the browser. Server components keep next-intl's
// getTranslations.
import format, { type CompiledMessage } from "icu-minify/format";
import { createContext, useContext } from "react";
import type { Messages } from "@/lib/i18n/catalogues";

type Namespace = keyof Messages;
type Values = Record<string, string | number>;
type Catalogue = { locale: string; messages: Partial<Record<string, unknown>> };

const CatalogueContext = createContext<Catalogue>({ locale: "en", messages: {} });

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

/** Gives the client components below it `locale`'s messages (the root layout; a link page: its customer's language). */
export function CatalogueProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Catalogue["messages"];
  children: React.ReactNode;
}) {
  return <CatalogueContext value={{ locale, messages }}>{children}</CatalogueContext>;
}

function isCompiled(message: unknown): message is CompiledMessage {
  return typeof message === "string" || Array.isArray(message);
}

/** `namespace`'s messages as `t(key, values)`, like next-intl's useTranslations; a missing one reads as its key. */
export function useTranslations<N extends Namespace>(namespace: N) {
  const { locale, messages } = useContext(CatalogueContext);
  const section = messages[namespace];
  return (key: keyof Messages[N] & string, values?: Values): string => {
    const message = typeof section === "object" && section !== null ? Reflect.get(section, key) : undefined;
    if (!isCompiled(message)) return `${namespace}.${key}`;
    return String(format(message, locale, values, { formatters, timeZone: "UTC" }));
  };
}
