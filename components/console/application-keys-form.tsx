"use client";
// Enter or replace a customer's LinkedIn application keys (C1). The secret field is never prefilled:
// the stored secret can not be read back (C3). Submitting checks the keys with LinkedIn at once.
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { FormAction } from "@/lib/actions/state";

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
      <div>
        <label htmlFor="keys-clientId" className={labelClass}>
          API key (client id)
        </label>
        <input
          id="keys-clientId"
          name="clientId"
          defaultValue={currentClientId}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria(f, "clientId", state)}
        />
        <FieldError form={f} field="clientId" state={state} />
      </div>
      <div>
        <label htmlFor="keys-clientSecret" className={labelClass}>
          {currentClientId ? "New secret" : "Secret"}
        </label>
        <p id="keys-secret-hint" className="text-xs text-slate-600">
          Stored encrypted and never shown again.
        </p>
        <input
          id="keys-clientSecret"
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria(f, "clientSecret", state, "keys-secret-hint")}
        />
        <FieldError form={f} field="clientSecret" state={state} />
      </div>
      <div>
        <label htmlFor="keys-applicationUrn" className={labelClass}>
          Application URN (optional)
        </label>
        <p id="keys-urn-hint" className="text-xs text-slate-600">
          urn:li:developerApplication:… from LinkedIn&apos;s developer portal (L21).
        </p>
        <input
          id="keys-applicationUrn"
          name="applicationUrn"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria(f, "applicationUrn", state, "keys-urn-hint")}
        />
        <FieldError form={f} field="applicationUrn" state={state} />
      </div>
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
