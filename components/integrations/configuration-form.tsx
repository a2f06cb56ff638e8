"use client";
// The configuration values the operator lets a customer admin edit (C15, C17). Saving re-syncs them.
import { useTranslations } from "@/components/i18n/catalogue";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";
import { CONFIG_FIELD_PREFIX, MAX_CONFIGURATION_VALUE } from "@/lib/integrations/limits";
import type { ConfigurationView } from "@/lib/integrations/view";
import { useListForm } from "./use-list-form";

export function ConfigurationForm({
  integrationId,
  values,
  listKey,
  action,
}: {
  integrationId: string;
  values: ConfigurationView[];
  listKey: string;
  /** Saves the values (app/integrations/actions.ts). */
  action: FormAction;
}) {
  const t = useTranslations("Forms");
  const { state, formAction, id } = useListForm(action, listKey);
  const editable = values.filter((v) => v.editable);
  if (editable.length === 0) return null;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="integrationId" value={integrationId} />
      {editable.map((v) => (
        <Field
          key={v.key}
          form={id}
          name={`${CONFIG_FIELD_PREFIX}${v.key}`}
          label={v.label}
          hint={v.description}
          state={state}
        >
          {(control) => <input {...control} defaultValue={v.value ?? ""} maxLength={MAX_CONFIGURATION_VALUE} />}
        </Field>
      ))}
      <SubmitButton label={t("saveSettings")} pendingLabel={t("saving")} />
      <FormMessage state={state} />
    </form>
  );
}
