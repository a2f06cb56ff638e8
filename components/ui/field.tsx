// One labelled form field of a console form (issue #13: written once, not per form): the label tied to its
// control, an optional hint, and the action's messages for the field, tied to the control by
// aria-describedby. The control is the caller's (input, select), given the props it needs.
import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { inputClass, labelClass } from "./button-styles";
import { FieldError, fieldAria } from "./field-error";

export type FieldControl = { id: string; name: string; className: string } & ReturnType<typeof fieldAria>;

export function Field({
  form,
  name,
  label,
  state,
  hint,
  hintAbove = false,
  className,
  children,
}: {
  /** The form's id prefix: the control's id is `${form}-${name}`. */
  form: string;
  /** The field's form name, as the action's schema reads it. */
  name: string;
  label: ReactNode;
  state: ActionState | undefined;
  hint?: ReactNode;
  /** The hint between the label and the control (where a row aligns its controls' bottoms), not below it. */
  hintAbove?: boolean;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = `${form}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const hintText = hint ? (
    <p id={hintId} className={hintAbove ? "text-xs text-slate-600" : "mt-1 text-xs text-slate-600"}>
      {hint}
    </p>
  ) : null;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hintAbove ? hintText : null}
      {children({ id, name, className: inputClass, ...fieldAria(form, name, state, hintId) })}
      {hintAbove ? null : hintText}
      <FieldError form={form} field={name} state={state} />
    </div>
  );
}

/** A select's options: each value in code with its words (value sources, roles, lifetimes). */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, ReactNode> }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {labels[v]}
    </option>
  ));
}

/** Checkboxes under one name (scopes, event types): each value in code type with its words. */
export function CheckboxGroup({
  form,
  name,
  legend,
  options,
  checked,
  state,
}: {
  form: string;
  name: string;
  legend: ReactNode;
  options: readonly (readonly [string, ReactNode])[];
  /** The values ticked at first (an edit form's current values). */
  checked?: readonly string[];
  state: ActionState | undefined;
}) {
  return (
    <fieldset {...fieldAria(form, name, state)}>
      <legend className={labelClass}>{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map(([value, words]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={value}
              defaultChecked={checked?.includes(value)}
              className="mt-0.5"
            />
            <span>
              <span className="font-mono">{value}</span>: {words}
            </span>
          </label>
        ))}
      </div>
      <FieldError form={form} field={name} state={state} />
    </fieldset>
  );
}
