"use client";
// The operator's choice of a customer's language (issue 25 point 1); empty follows each admin's browser.
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CustomerLocaleForm({
  action,
  customerId,
  current,
  choices,
}: {
  action: FormAction;
  customerId: string;
  current: string;
  choices: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState<ActionState | undefined, FormData>(action, undefined);
  const f = "customer-locale";
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="customerId" value={customerId} />
      <Field
        form={f}
        name="defaultLocale"
        label="Default language of its admins"
        state={state}
        hint="An admin's own choice comes first."
        hintAbove
      >
        {(c) => (
          <select {...c} defaultValue={current}>
            <option value="">Each admin's browser language</option>
            {choices.map((o) => (
              <option key={o.value} value={o.value} lang={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton label="Save language" pendingLabel="Saving…" />
      <FormMessage state={state} id={`${f}-message`} className="w-full min-h-5 text-sm" />
    </form>
  );
}
