"use client";
// Issue 22: snooze a support issue until a day (UTC midnight); it counts as open again from then, by the database's
// clock. The server checks the day is ahead and answers under the field.
import { useActionState, useId } from "react";
import { FieldError, fieldAria } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass, secondaryButtonClass } from "@/components/ui/button-styles";
import type { FormAction } from "@/lib/actions/state";

export function IssueSnoozeForm({ action, issueId, about }: { action: FormAction; issueId: string; about: string }) {
  const [state, formAction] = useActionState(action, undefined);
  const form = useId();
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="issueId" value={issueId} />
      <label htmlFor={`${form}-until`} className="text-xs text-slate-700">
        Snooze until (UTC day)
      </label>
      <div className="flex gap-2">
        <input
          id={`${form}-until`}
          name="until"
          type="date"
          required
          className={`${inputClass} w-40`}
          {...fieldAria(form, "until", state)}
        />
        <SubmitButton label="Snooze" labelDetail={about} className={secondaryButtonClass} />
      </div>
      <FieldError form={form} field="until" state={state} />
      <FormMessage state={state} className="max-w-xs text-sm" />
    </form>
  );
}
