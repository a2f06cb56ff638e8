"use client";
// One operator action as a one-button form with its answer read out (issue #6). Optional confirmation
// checkbox for actions that can not be undone.
import { useActionState, useId } from "react";
import {
  FieldError,
  FormMessage,
  SubmitButton,
  primaryButtonClass,
  secondaryButtonClass,
  dangerButtonClass,
  type OperatorAction,
} from "./operator-form-bits";

export function OperatorActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  messageId,
}: {
  action: OperatorAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  /** Text of a checkbox the operator must tick first (sent as confirm=yes). */
  confirm?: string;
  variant?: "primary" | "secondary" | "danger";
  messageId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const id = useId();
  const className =
    variant === "primary" ? primaryButtonClass : variant === "danger" ? dangerButtonClass : secondaryButtonClass;
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <label htmlFor={`${id}-confirm`} className="flex items-start gap-2 text-sm">
          <input id={`${id}-confirm`} type="checkbox" name="confirm" value="yes" className="mt-0.5" />
          <span>{confirm}</span>
        </label>
      ) : null}
      {confirm ? <FieldError form={id} field="confirm" state={state} /> : null}
      <SubmitButton label={label} pendingLabel={pendingLabel} className={className} />
      <FormMessage state={state} id={messageId} />
    </form>
  );
}
