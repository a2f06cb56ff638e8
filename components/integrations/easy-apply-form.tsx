"use client";
// Apply Connect's account-level "LinkedIn Easy Apply" toggle (L30): on by default, with LinkedIn's sentence next to
// it exactly as LinkedIn words it (English, never translated). Works without JavaScript too (a plain form posting
// to the server action); a plain checkbox, labelled.
import { useActionState, useId } from "react";
import { useTranslations } from "@/components/i18n/catalogue";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";
import { EASY_APPLY_TERMS } from "@/lib/customers/easy-apply-terms";

export function EasyApplyForm({ enabled, action }: { enabled: boolean; action: FormAction }) {
  const t = useTranslations("Integrations");
  const [state, formAction] = useActionState(action, undefined);
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 p-4"
      data-testid="easy-apply"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("easyApplyHeading")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">{t("easyApplyIntro")}</p>
      <form action={formAction} className="space-y-2">
        <input type="hidden" name="easyApplyForm" value="1" />
        <label htmlFor={`${id}-toggle`} className="flex items-center gap-2 text-sm font-medium">
          <input
            id={`${id}-toggle`}
            type="checkbox"
            name="linkedInEasyApply"
            value="on"
            defaultChecked={enabled}
            aria-describedby={`${id}-terms`}
          />
          <span>{t("easyApplyToggle")}</span>
        </label>
        <p id={`${id}-terms`} lang="en" className="max-w-3xl text-sm text-slate-700" data-testid="easy-apply-terms">
          {EASY_APPLY_TERMS}
        </p>
        <SubmitButton label={t("easyApplySave")} />
        <FormMessage state={state} id="easy-apply-message" />
      </form>
    </section>
  );
}
