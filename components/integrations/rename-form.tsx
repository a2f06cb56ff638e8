"use client";
// Renaming an integration: the customer-facing name LinkedIn shows (C11). Saving re-syncs the name.
import { useTranslations } from "@/components/i18n/catalogue";
import type { FormAction } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_INTEGRATION_NAME } from "@/lib/integrations/limits";
import { useListForm } from "./use-list-form";

export function RenameForm({
  integrationId,
  name,
  listKey,
  action,
}: {
  integrationId: string;
  name: string;
  listKey: string;
  /** Renames the integration (app/integrations/actions.ts). */
  action: FormAction;
}) {
  const t = useTranslations("Forms");
  const { state, formAction, id } = useListForm(action, listKey);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-describedby={`${id}-status`}>
      <input type="hidden" name="integrationId" value={integrationId} />
      <Field form={id} name="name" label={t("nameInLinkedIn")} state={state} className="min-w-64 flex-1">
        {(control) => <input {...control} defaultValue={name} maxLength={MAX_INTEGRATION_NAME} required />}
      </Field>
      <SubmitButton label={t("rename")} pendingLabel={t("saving")} />
      <FormMessage state={state} id={`${id}-status`} className="w-full text-sm" />
    </form>
  );
}
