"use client";
// Create or edit a customer (issue #6): name, the vendor's id (LinkedIn uniqueForeignId, C1) and the
// integration types offered in the plugin (C6; an RSC type is required).
import { useActionState } from "react";
import { labelClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/field";
import { FieldError, fieldAria } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";
import { BUNDLED_INTEGRATION_TYPES, BUNDLED_TYPE_LABELS, REQUIRED_BUNDLES } from "@/lib/integrations/types";

export type CustomerFormValues = { displayName: string; foreignId: string; offeredIntegrationTypes: string[] };

export function CustomerForm({
  action,
  customerId,
  values,
  submitLabel,
  formId = "customer",
}: {
  action: FormAction;
  customerId?: string;
  values?: CustomerFormValues;
  submitLabel: string;
  formId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const offered = values?.offeredIntegrationTypes ?? [...REQUIRED_BUNDLES];
  return (
    <form action={formAction} className="space-y-4" noValidate aria-describedby={`${formId}-message`}>
      {customerId ? <input type="hidden" name="customerId" value={customerId} /> : null}
      <Field form={formId} name="displayName" label="Display name" state={state}>
        {(c) => <input {...c} defaultValue={values?.displayName} required maxLength={120} />}
      </Field>
      <Field
        form={formId}
        name="foreignId"
        label="Customer id in your ATS"
        state={state}
        hint="Unique. Sent to LinkedIn as the application’s uniqueForeignId when provisioning."
      >
        {(c) => (
          <input
            {...c}
            className={`${c.className} font-mono`}
            defaultValue={values?.foreignId}
            required
            maxLength={255}
            autoComplete="off"
          />
        )}
      </Field>
      <fieldset {...fieldAria(formId, "offeredIntegrationTypes", state, `${formId}-types-hint`)}>
        <legend className={labelClass}>Integration types offered</legend>
        <p id={`${formId}-types-hint`} className="text-xs text-slate-600">
          What the customer may enable in LinkedIn&apos;s plugin. LinkedIn requires at least one Recruiter System
          Connect type.
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {BUNDLED_INTEGRATION_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 rounded border border-slate-200 bg-white p-2 text-sm">
              <input
                type="checkbox"
                name="offeredIntegrationTypes"
                value={type}
                defaultChecked={offered.includes(type)}
                className="mt-0.5"
              />
              <span>
                {BUNDLED_TYPE_LABELS[type]}
                {REQUIRED_BUNDLES.includes(type) ? <span className="text-slate-500"> (RSC)</span> : null}
                <span className="block font-mono text-xs text-slate-500">{type}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError form={formId} field="offeredIntegrationTypes" state={state} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={submitLabel} pendingLabel="Saving…" />
        <FormMessage state={state} id={`${formId}-message`} />
      </div>
    </form>
  );
}
