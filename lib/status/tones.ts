// Each tone's colours and the onboarding statuses' tones: the part of the status vocabulary (./vocabulary.ts) the
// customer admin's page needs in the browser, apart from the console's English words so that those stay out of the
// page's first-load JavaScript (issue 25, its 150 kB budget). Pure, and type-only on the data model.
import type { OnboardingStatus } from "@/lib/db/enums";

/** What a state means to the person reading it; its colours are TONE_CLASSES'. */
export type Tone = "good" | "waiting" | "info" | "bad" | "neutral";

/** Each tone's colours: `badge` for a state badge, `border` for a card's accent. */
export const TONE_CLASSES: Record<Tone, { badge: string; border: string }> = {
  good: { badge: "bg-green-100 text-green-900", border: "border-green-500" },
  waiting: { badge: "bg-amber-100 text-amber-900", border: "border-amber-400" },
  info: { badge: "bg-sky-100 text-sky-900", border: "border-sky-400" },
  bad: { badge: "bg-red-100 text-red-900", border: "border-red-500" },
  neutral: { badge: "bg-slate-100 text-slate-800", border: "border-slate-300" },
};

/** The onboarding statuses' tones (their words: ONBOARDING_WORDS in the console, the catalogue for the customer). */
export const ONBOARDING_TONES: Record<OnboardingStatus, Tone> = {
  REQUESTED: "waiting",
  PARTNER_READY: "info",
  ENABLED: "good",
};
