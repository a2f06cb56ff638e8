"use client";
// Enter or replace a customer's LinkedIn application keys (C1). The secret field is never prefilled:
// the stored secret can not be read back (C3). Submitting checks the keys with LinkedIn at once.
import { type InputHTMLAttributes, useActionState } from "react";
import { Field, type FieldControl } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/state";

/** A key is typed or pasted as LinkedIn shows it: monospaced, not spell-checked, not filled in by the browser. */
function KeyInput({ control, ...props }: { control: FieldControl } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input {...control} autoComplete="off" spellCheck={false} {...props} className={`${control.className} font-mono`} />
  );
}

export function ApplicationKeysForm({
  action,
  customerId,
  currentClientId,
}: {
  action: FormAction;
  customerId: string;
  currentClientId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const f = "keys";
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <Field form={f} name="clientId" label="API key (client id)" state={state}>
        {(c) => <KeyInput control={c} defaultValue={currentClientId} />}
      </Field>
      <Field
        form={f}
        name="clientSecret"
        label={currentClientId ? "New secret" : "Secret"}
        state={state}
        hint="Stored encrypted and never shown again."
        hintAbove
      >
        {(c) => <KeyInput control={c} type="password" autoComplete="new-password" />}
      </Field>
      <Field
        form={f}
        name="applicationUrn"
        label="Application URN (optional)"
        state={state}
        hint="urn:li:developerApplication:… from LinkedIn's developer portal."
        hintAbove
      >
        {(c) => <KeyInput control={c} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          label={currentClientId ? "Check and replace keys" : "Check and save keys"}
          pendingLabel="Checking with LinkedIn…"
        />
      </div>
      <FormMessage state={state} id="keys-message" />
    </form>
  );
}
