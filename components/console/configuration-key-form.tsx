"use client";
// Add or edit one configuration key of an integration type (C15).
import { useActionState } from "react";
import { Field, Options } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";
import { VALUE_SOURCE_LABELS, VALUE_SOURCES } from "@/lib/settings/value-sources";

export type ConfigurationKeyValues = {
  id: string;
  integrationType: string;
  key: string;
  label: string;
  description: string | null;
  valueSource: string;
  defaultValue: string | null;
  customerEditable: boolean;
  onlyWithoutAccessControls: boolean;
};

export function ConfigurationKeyForm({
  action,
  values,
  formId,
  submitLabel,
}: {
  action: FormAction;
  values?: ConfigurationKeyValues;
  formId: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} noValidate className="grid gap-3 md:grid-cols-2">
      {values ? <input type="hidden" name="id" value={values.id} /> : null}
      <Field form={formId} name="integrationType" label="Integration type" state={state}>
        {(c) => (
          <>
            {/* L12: LinkedIn adds types over time; any enum-like name may be typed, the known ones are suggested. */}
            <input
              {...c}
              list={`${formId}-integrationTypes`}
              defaultValue={values?.integrationType ?? INTEGRATION_TYPES[0]}
              autoComplete="off"
              spellCheck={false}
              className={`${c.className} font-mono`}
            />
            <datalist id={`${formId}-integrationTypes`}>
              {INTEGRATION_TYPES.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field form={formId} name="key" label="Key" state={state}>
        {(c) => <input {...c} defaultValue={values?.key} className={`${c.className} font-mono`} />}
      </Field>
      <Field form={formId} name="label" label="Label" state={state}>
        {(c) => <input {...c} defaultValue={values?.label} />}
      </Field>
      <Field form={formId} name="valueSource" label="Value comes from" state={state}>
        {(c) => (
          <select {...c} defaultValue={values?.valueSource ?? "DEFAULT"}>
            <Options values={VALUE_SOURCES} labels={VALUE_SOURCE_LABELS} />
          </select>
        )}
      </Field>
      <Field form={formId} name="defaultValue" label="Default value" state={state}>
        {(c) => <input {...c} defaultValue={values?.defaultValue ?? ""} />}
      </Field>
      <Field form={formId} name="description" label="Description (optional)" state={state}>
        {(c) => <input {...c} defaultValue={values?.description ?? ""} />}
      </Field>
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input type="checkbox" name="customerEditable" defaultChecked={values?.customerEditable ?? false} />
        The customer admin may change the value
      </label>
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input
          type="checkbox"
          name="onlyWithoutAccessControls"
          defaultChecked={values?.onlyWithoutAccessControls ?? false}
        />
        Only for customers without access controls (ACLs) in the ATS; removed at LinkedIn for the others
      </label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <SubmitButton label={submitLabel} pendingLabel="Saving…" />
        <FormMessage state={state} />
      </div>
    </form>
  );
}
