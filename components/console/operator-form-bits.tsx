"use client";
// Small pieces every operator form uses (issue #6): the live region that reads out an action's answer,
// field errors tied to their inputs, and a submit button that says it is busy.
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/auth/guard";

export type OperatorAction = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;

export const inputClass =
  "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600";
export const labelClass = "block text-sm font-medium text-slate-800";
export const primaryButtonClass =
  "rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";
export const dangerButtonClass =
  "rounded border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60";

/** The action's answer, read out by screen readers (polite; errors too, so focus is not stolen). */
export function FormMessage({ state, id }: { state: ActionState | undefined; id?: string }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`min-h-5 text-sm ${state?.ok ? "text-green-800" : "text-red-700"}`}
      data-testid={id}
    >
      {state?.message}
    </p>
  );
}

export function fieldErrorId(form: string, field: string): string {
  return `${form}-${field}-error`;
}

export function FieldError({ form, field, state }: { form: string; field: string; state: ActionState | undefined }) {
  const messages = state?.errors?.[field];
  if (!messages || messages.length === 0) return null;
  return (
    <p id={fieldErrorId(form, field)} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}

/** aria-invalid and aria-describedby for an input with a possible field error. */
export function fieldAria(form: string, field: string, state: ActionState | undefined, hintId?: string) {
  const invalid = Boolean(state?.errors?.[field]?.length);
  const describedBy = [hintId, invalid ? fieldErrorId(form, field) : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined } as const;
}

export function SubmitButton({
  label,
  pendingLabel,
  className = primaryButtonClass,
}: {
  label: string;
  pendingLabel?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? (pendingLabel ?? `${label}…`) : label}
    </button>
  );
}
