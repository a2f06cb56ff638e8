// The message catalogues, one JSON file per language (issue 25 point 1). A page loads only its request's language
// (i18n/request.ts imports one file); emails render outside React's request and load theirs here.
import type { Locale } from "./locales";
import en from "./messages/en.json";

/** The English catalogue is the reference: every other has exactly its keys (lib/i18n/catalogues.test.ts). */
export type Messages = typeof en;

export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case "de":
      return (await import("./messages/de.json")).default;
    case "fr":
      return (await import("./messages/fr.json")).default;
    case "es":
      return (await import("./messages/es.json")).default;
    case "pt-BR":
      return (await import("./messages/pt-BR.json")).default;
    case "ja":
      return (await import("./messages/ja.json")).default;
    case "en":
      return en;
  }
}
