"use client";
// The customer admin's choice of language (issue 25 point 1): stored on their account, so it follows them to every
// device and to the emails they get. Works without JavaScript too (a plain form posting to the server action).
import { useTranslations } from "@/components/i18n/catalogue";
import { useActionState, useId } from "react";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

export function LanguageForm({ current, action }: { current: Locale; action: FormAction }) {
  const t = useTranslations("Shell");
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(action, {});
  const id = useId();
  return (
    <form action={formAction} className="flex items-center gap-2" data-testid="language-form">
      <label htmlFor={`${id}-locale`}>{t("language")}</label>
      <select
        id={`${id}-locale`}
        name="locale"
        defaultValue={current}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border border-current px-2 py-1 hover:underline">
        {t("saveLanguage")}
      </button>
      {state?.ok === false ? (
        <span role="alert" className="rounded bg-white px-1 text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
