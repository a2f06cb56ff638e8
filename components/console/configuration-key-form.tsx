"use client";
// Add or edit one configuration key of an integration type (C15).
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { FormAction } from "@/lib/actions/state";
import { INTEGRATION_TYPES } from "@/lib/integrations/types";
import { VALUE_SOURCE_LABELS, VALUE_SOURCES } from "@/lib/settings/schemas";

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
  const id = (f: string) => `${formId}-${f}`;
  return (
    <form action={formAction} noValidate className="grid gap-3 md:grid-cols-2">
      {values ? <input type="hidden" name="id" value={values.id} /> : null}
      <div>
        <label htmlFor={id("integrationType")} className={labelClass}>
          Integration type
        </label>
        {/* L12: LinkedIn adds types over time; any enum-like name may be typed, the known ones are suggested. */}
        <input
          id={id("integrationType")}
          name="integrationType"
          list={id("integrationTypes")}
          defaultValue={values?.integrationType ?? INTEGRATION_TYPES[0]}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria(formId, "integrationType", state)}
        />
        <datalist id={id("integrationTypes")}>
          {INTEGRATION_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FieldError form={formId} field="integrationType" state={state} />
      </div>
      <div>
        <label htmlFor={id("key")} className={labelClass}>
          Key
        </label>
        <input
          id={id("key")}
          name="key"
          defaultValue={values?.key}
          className={`${inputClass} font-mono`}
          {...fieldAria(formId, "key", state)}
        />
        <FieldError form={formId} field="key" state={state} />
      </div>
      <div>
        <label htmlFor={id("label")} className={labelClass}>
          Label
        </label>
        <input
          id={id("label")}
          name="label"
          defaultValue={values?.label}
          className={inputClass}
          {...fieldAria(formId, "label", state)}
        />
        <FieldError form={formId} field="label" state={state} />
      </div>
      <div>
        <label htmlFor={id("valueSource")} className={labelClass}>
          Value comes from
        </label>
        <select
          id={id("valueSource")}
          name="valueSource"
          defaultValue={values?.valueSource ?? "DEFAULT"}
          className={inputClass}
          {...fieldAria(formId, "valueSource", state)}
        >
          {VALUE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {VALUE_SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
        <FieldError form={formId} field="valueSource" state={state} />
      </div>
      <div>
        <label htmlFor={id("defaultValue")} className={labelClass}>
          Default value
        </label>
        <input
          id={id("defaultValue")}
          name="defaultValue"
          defaultValue={values?.defaultValue ?? ""}
          className={inputClass}
          {...fieldAria(formId, "defaultValue", state)}
        />
        <FieldError form={formId} field="defaultValue" state={state} />
      </div>
      <div>
        <label htmlFor={id("description")} className={labelClass}>
          Description (optional)
        </label>
        <input
          id={id("description")}
          name="description"
          defaultValue={values?.description ?? ""}
          className={inputClass}
          {...fieldAria(formId, "description", state)}
        />
        <FieldError form={formId} field="description" state={state} />
      </div>
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
        Only for customers without access controls (ACLs) in the ATS; removed at LinkedIn for the others (L14, RSC-104)
      </label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <SubmitButton label={submitLabel} pendingLabel="Saving…" />
        <FormMessage state={state} />
      </div>
    </form>
  );
}
