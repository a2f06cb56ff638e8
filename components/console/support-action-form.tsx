"use client";
// One support action as a small form (issue #6): hidden ids, one button, and a live region that reads
// out what happened. Works without JavaScript too (a server action posted by the form).
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/guard";

export type SupportAction = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;

export function SupportActionForm({
  action,
  fields,
  label,
  pendingLabel,
  labelDetail,
  variant = "secondary",
}: {
  action: SupportAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  /**
   * Words screen readers hear after the visible label ("Retry" + "sync names job of Acme"). Appended, never
   * replacing it: the accessible name must contain the visible text (WCAG 2.5.3, axe "label-content-name-mismatch").
   */
  labelDetail?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const buttonClass =
    variant === "primary"
      ? "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      : "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClass} focus:outline-2 focus:outline-offset-2 focus:outline-blue-700`}
      >
        {pending ? (pendingLabel ?? `${label}…`) : label}
        {labelDetail ? <span className="sr-only"> {labelDetail}</span> : null}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`max-w-xs text-xs ${state?.ok ? "text-green-800" : "text-red-700"}`}
      >
        {state?.message}
      </p>
    </form>
  );
}
