"use client";
// One operator setting (issue #6), e.g. the hours after which an integration counts as stuck.
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
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
      <Field
        form={f}
        name="value"
        label={label}
        state={state}
        hint={`${description} Default: ${defaultValue}.`}
        hintAbove
      >
        {(c) => <input {...c} type="number" min={1} defaultValue={value} className={`${c.className} max-w-40`} />}
      </Field>
      <SubmitButton label="Save" pendingLabel="Saving…" />
      <FormMessage state={state} />
    </form>
  );
}
