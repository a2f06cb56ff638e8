// A field's own messages from the action's answer, tied to its input by aria-describedby.
import type { ActionState } from "@/lib/actions/state";

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
