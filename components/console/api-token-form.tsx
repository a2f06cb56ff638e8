"use client";
// Create an API token for the vendor's systems (issue #6): the token appears once, here; it expires after the
// chosen lifetime (issue 11 item 6).
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { ActionState } from "@/lib/actions/state";
import {
  API_SCOPE_LABELS,
  API_SCOPES,
  API_TOKEN_LIFETIME_LABELS,
  API_TOKEN_LIFETIMES,
  DEFAULT_API_TOKEN_LIFETIME,
} from "@/lib/api-tokens/scopes";
import { CopyField } from "./copy-field";

type TokenState = ActionState & { token?: string };

export function ApiTokenForm({
  action,
}: {
  action: (prev: TokenState | undefined, form: FormData) => Promise<TokenState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const f = "token";
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3">
        <div className="max-w-md">
          <label htmlFor="token-name" className={labelClass}>
            Token name
          </label>
          <input
            id="token-name"
            name="name"
            placeholder="e.g. ATS backend (production)"
            className={inputClass}
            {...fieldAria(f, "name", state)}
          />
          <FieldError form={f} field="name" state={state} />
        </div>
        <div className="max-w-md">
          <label htmlFor="token-expires" className={labelClass}>
            Expires after
          </label>
          <select
            id="token-expires"
            name="expiresInDays"
            defaultValue={DEFAULT_API_TOKEN_LIFETIME}
            className={inputClass}
            {...fieldAria(f, "expiresInDays", state)}
          >
            {API_TOKEN_LIFETIMES.map((l) => (
              <option key={l} value={l}>
                {API_TOKEN_LIFETIME_LABELS[l]}
              </option>
            ))}
          </select>
          <FieldError form={f} field="expiresInDays" state={state} />
        </div>
        <fieldset {...fieldAria(f, "scopes", state)}>
          <legend className={labelClass}>Scopes</legend>
          <div className="mt-1 space-y-1">
            {API_SCOPES.map((s) => (
              <label key={s} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} className="mt-0.5" />
                <span>
                  <span className="font-mono">{s}</span>: {API_SCOPE_LABELS[s]}
                </span>
              </label>
            ))}
          </div>
          <FieldError form={f} field="scopes" state={state} />
        </fieldset>
        <SubmitButton label="Create token" pendingLabel="Creating…" />
      </form>
      <FormMessage state={state} id="token-message" />
      {state?.ok && state.token ? (
        <CopyField label="New API token (shown once)" value={state.token} testId="new-api-token" />
      ) : null}
    </div>
  );
}
