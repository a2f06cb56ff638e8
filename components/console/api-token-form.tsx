"use client";
// Create an API token for the vendor's systems (issue #6): the token appears once, here; it expires after the
// chosen lifetime (issue 11 item 6).
import { useActionState } from "react";
import { CheckboxGroup, Field, Options } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormAction } from "@/lib/actions/state";
import {
  API_SCOPE_LABELS,
  API_SCOPES,
  API_TOKEN_LIFETIME_LABELS,
  API_TOKEN_LIFETIMES,
  DEFAULT_API_TOKEN_LIFETIME,
} from "@/lib/api-tokens/scope-words";
import { CopyField } from "@/components/ui/copy-field";

type TokenState = ActionState & { token?: string };

export function ApiTokenForm({ action }: { action: FormAction<TokenState> }) {
  const [state, formAction] = useActionState(action, undefined);
  const f = "token";
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3">
        <Field form={f} name="name" label="Token name" state={state} className="max-w-md">
          {(c) => <input {...c} placeholder="e.g. ATS backend (production)" />}
        </Field>
        <Field form={f} name="expiresInDays" label="Expires after" state={state} className="max-w-md">
          {(c) => (
            <select {...c} defaultValue={DEFAULT_API_TOKEN_LIFETIME}>
              <Options values={API_TOKEN_LIFETIMES} labels={API_TOKEN_LIFETIME_LABELS} />
            </select>
          )}
        </Field>
        <CheckboxGroup
          form={f}
          name="scopes"
          legend="Scopes"
          options={API_SCOPES.map((s) => [s, API_SCOPE_LABELS[s]] as const)}
          state={state}
        />
        <SubmitButton label="Create token" pendingLabel="Creating…" />
      </form>
      <FormMessage state={state} id="token-message" />
      {state?.ok && state.token ? (
        <CopyField label="New API token (shown once)" value={state.token} testId="new-api-token" />
      ) : null}
    </div>
  );
}
