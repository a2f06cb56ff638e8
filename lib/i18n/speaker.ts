import "server-only";
// A server action's answer in its reader's language (issue 25 point 1): the request's language as i18n/request.ts
// picks it (the person's choice, their customer's default, Accept-Language; staff: English). A Notice names a
// catalogue key under "Answers"; zod issues are said by their code, a custom one by its params.notice. English
// readers keep the lib's own sentence, so staff, logs and the English page read exactly what the lib wrote.
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { englishSpeaker, type Notice, type Speaker } from "@/lib/errors/notice";
import { DEFAULT_LOCALE, isLocale } from "./locales";

/** The zod issue's catalogue key, where it has one. */
function issueNotice(issue: z.core.$ZodIssue): Notice | undefined {
  switch (issue.code) {
    case "custom": {
      const key = issue.params?.notice;
      return typeof key === "string" ? { key } : undefined;
    }
    case "too_small":
      if (issue.origin !== "string") return undefined;
      return Number(issue.minimum) === 1
        ? { key: "required" }
        : { key: "atLeast", values: { min: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string" ? { key: "atMost", values: { max: Number(issue.maximum) } } : undefined;
    case "invalid_value":
      return { key: "chooseOne", values: { choices: issue.values.map(String).join(", ") } };
    default:
      return undefined;
  }
}

/** The speaker of the current request's reader. */
export async function requestSpeaker(): Promise<Speaker> {
  const locale = await getLocale();
  if (!isLocale(locale) || locale === DEFAULT_LOCALE) return englishSpeaker;
  const t = await getTranslations({ locale, namespace: "Answers" });
  /** The notice in the reader's language, nested notices first; undefined where a key is missing. */
  const translated = (notice: Notice): string | undefined => {
    if (!t.has(notice.key)) return undefined;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(notice.values ?? {})) {
      if (typeof value === "string" || typeof value === "number") {
        values[name] = value;
        continue;
      }
      const parts = (Array.isArray(value) ? value : [value]).map(translated);
      if (parts.some((part) => part === undefined)) return undefined;
      values[name] = parts.join(" / ");
    }
    return t(notice.key, values);
  };
  const say = (notice: Notice | undefined, english: string) => (notice && translated(notice)) ?? english;
  return { say, issue: (issue) => say(issueNotice(issue), issue.message) };
}

/** A lib function's answer (English message and its notice) in the reader's language. */
export async function sayToReader(answer: { message: string; notice?: Notice }): Promise<string> {
  return (await requestSpeaker()).say(answer.notice, answer.message);
}
