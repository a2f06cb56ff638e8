"use client";
// One operator setting (issue #6), e.g. the hours after which an integration counts as stuck.
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { FormAction } from "@/lib/actions/state";

export function SettingForm({
  action,
  settingKey,
  label,
  description,
  value,
  defaultValue,
}: {
  action: FormAction;
  settingKey: string;
  label: string;
  description: string;
  value: number;
  defaultValue: number;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const f = `setting-${settingKey}`;
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="key" value={settingKey} />
      <div>
        <label htmlFor={`${f}-value`} className={labelClass}>
          {label}
        </label>
        <p id={`${f}-hint`} className="text-xs text-slate-600">
          {description} Default: {defaultValue}.
        </p>
        <input
          id={`${f}-value`}
          name="value"
          type="number"
          min={1}
          defaultValue={value}
          className={`${inputClass} max-w-40`}
          {...fieldAria(f, "value", state, `${f}-hint`)}
        />
        <FieldError form={f} field="value" state={state} />
      </div>
      <SubmitButton label="Save" pendingLabel="Saving…" />
      <FormMessage state={state} />
    </form>
  );
}
