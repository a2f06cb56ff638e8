"use client";
// A submit button that says it is busy while its form's action runs.
import { useFormStatus } from "react-dom";
import { primaryButtonClass } from "./button-styles";

export function SubmitButton({
  label,
  pendingLabel,
  labelDetail,
  className = primaryButtonClass,
}: {
  label: string;
  pendingLabel?: string;
  /**
   * Words screen readers hear after the visible label ("Retry" + "sync names job of Acme"). Appended, never
   * replacing it: the accessible name must contain the visible text (WCAG 2.5.3, axe "label-content-name-mismatch").
   */
  labelDetail?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? (pendingLabel ?? `${label}…`) : label}
      {labelDetail ? <span className="sr-only"> {labelDetail}</span> : null}
    </button>
  );
}
