"use client";
// The form of Apply Connect's account-level "LinkedIn Easy Apply" toggle (L30): a plain checkbox, labelled, posting to
// the server action (works without JavaScript too). The section around it, its words and LinkedIn's sentence are drawn
// on the server (easy-apply-section.tsx) and come in as props and children, so the admin's page ships none of them
// as JavaScript (its first-load budget).
import { type ReactNode, useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";

export function EasyApplyForm({
  id,
  enabled,
  action,
  toggleLabel,
  saveLabel,
  children,
}: {
  /** The section's id prefix: the checkbox is `${id}-toggle`, described by `${id}-terms` (LinkedIn's sentence). */
  id: string;
  enabled: boolean;
  action: FormAction;
  toggleLabel: string;
  saveLabel: string;
  /** LinkedIn's sentence, drawn on the server with the id `${id}-terms`. */
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="easyApplyForm" value="1" />
      <label htmlFor={`${id}-toggle`} className="flex items-center gap-2 text-sm font-medium">
        <input
          id={`${id}-toggle`}
          type="checkbox"
          name="linkedInEasyApply"
          value="on"
          defaultChecked={enabled}
          aria-describedby={`${id}-terms`}
        />
        <span>{toggleLabel}</span>
      </label>
      {children}
      <SubmitButton label={saveLabel} />
      <FormMessage state={state} id="easy-apply-message" />
    </form>
  );
}
