"use client";
// One console action as a one-button form (issue #13: the operator's and support's twins made one):
// hidden fields, an optional confirmation checkbox for what can not be undone, one button, and a live
// region that reads out the answer. Works without JavaScript too (a server action posted by the form).
import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions/state";
import { BUTTON_CLASSES, type ButtonVariant } from "./button-styles";
import { FieldError } from "./field-error";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export function ActionForm({
  action,
  fields,
  label,
  pendingLabel,
  labelDetail,
  confirm,
  variant = "secondary",
  messageId,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  /** Appended to the button's accessible name (see SubmitButton). */
  labelDetail?: string;
  /** Text of a checkbox the person must tick first (sent as confirm=yes). */
  confirm?: string;
  variant?: ButtonVariant;
  messageId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const id = useId();
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <>
          <label htmlFor={`${id}-confirm`} className="flex items-start gap-2 text-sm">
            <input id={`${id}-confirm`} type="checkbox" name="confirm" value="yes" className="mt-0.5" />
            <span>{confirm}</span>
          </label>
          <FieldError form={id} field="confirm" state={state} />
        </>
      ) : null}
      <SubmitButton
        label={label}
        pendingLabel={pendingLabel}
        labelDetail={labelDetail}
        className={BUTTON_CLASSES[variant]}
      />
      <FormMessage state={state} id={messageId} className="max-w-xs text-sm" />
    </form>
  );
}
