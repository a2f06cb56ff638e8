"use client";
// The LinkedIn API family and version this environment speaks (issue 23, L22, L23): an operator switches it
// without a restart; every LinkedIn call after the switch uses it.
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";

export function ApiFamilyForm({
  action,
  family,
  version,
}: {
  action: FormAction;
  family: "v2" | "rest";
  version: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <Field form="linkedin-api" name="family" label="API family" state={state}>
        {(c) => (
          <select {...c} defaultValue={family} className={`${c.className} max-w-60`}>
            <option value="v2">v2 (v2/atsIntegrations, Rest.li 1.0)</option>
            <option value="rest">rest (rest/integrations, Rest.li 2.0)</option>
          </select>
        )}
      </Field>
      <Field
        form="linkedin-api"
        name="version"
        label="LinkedIn-Version"
        state={state}
        hint="YYYYMM or YYYYMM.RR. Empty: none on v2, 202604 on rest."
      >
        {(c) => <input {...c} defaultValue={version} className={`${c.className} max-w-40`} />}
      </Field>
      <SubmitButton label="Switch" pendingLabel="Switching…" />
      <FormMessage state={state} />
    </form>
  );
}
