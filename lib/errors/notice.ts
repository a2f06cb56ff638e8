// A sentence a customer admin reads, named by its catalogue key (issue 25 point 1): lib functions keep their
// English text for staff and logs and add the key, so the answer is translated, never the free text. Pure.
import type { z } from "zod";

/**
 * A key under "Answers" in lib/i18n/messages/*.json, with the values its message names. A value may itself be a
 * notice (said first, in the same language) or a list of notices (each said, joined by " / ").
 */
export type Notice = { key: string; values?: Record<string, NoticeValue> };
export type NoticeValue = string | number | Notice | Notice[];

/** Says a notice, or a zod issue, in the reader's language; English readers keep the lib's own text. */
export type Speaker = {
  say(notice: Notice | undefined, english: string): string;
  issue(issue: z.core.$ZodIssue): string;
};

/** The lib's and the schemas' own English, as staff and logs read it. */
export const englishSpeaker: Speaker = { say: (_notice, english) => english, issue: (issue) => issue.message };
