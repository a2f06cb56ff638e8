"use client";
// "Rotate every secret older than N days" (L7: LinkedIn advises 60–90): one tracked job, a result per customer.
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/ui/button-styles";
import { FieldError, fieldAria } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";

const FORM = "bulk-rotation";

export function ApplicationBulkRotationForm({ action, defaultDays }: { action: FormAction; defaultDays: number }) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${FORM}-days`} className={labelClass}>
          Rotate every secret older than (days)
        </label>
        <input
          id={`${FORM}-days`}
          name="olderThanDays"
          type="number"
          min={1}
          max={3650}
          defaultValue={defaultDays}
          required
          className={`${inputClass} w-32`}
          {...fieldAria(FORM, "olderThanDays", state, `${FORM}-hint`)}
        />
        <FieldError form={FORM} field="olderThanDays" state={state} />
      </div>
      <SubmitButton label="Rotate secrets" pendingLabel="Queuing…" />
      <p id={`${FORM}-hint`} className="basis-full text-sm text-slate-600">
        Provisioned applications get a new secret from LinkedIn; the previous one stays accepted for pushes during the
        overlap. Keys entered by hand are listed as skipped: rotate them in LinkedIn&apos;s developer portal.
      </p>
      <div className="basis-full">
        <FormMessage state={state} id="bulk-rotation-message" />
      </div>
    </form>
  );
}
