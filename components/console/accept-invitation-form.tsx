"use client";
// The invitee sets a password (issue #6), then signs in.
import Link from "next/link";
import { useActionState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { ActionState } from "@/lib/actions/state";

type AcceptState = ActionState & { email?: string };

export function AcceptInvitationForm({
  action,
  token,
  email,
}: {
  action: (prev: AcceptState | undefined, form: FormData) => Promise<AcceptState>;
  token: string;
  email: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const f = "accept";
  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-6">
        <p role="status" aria-live="polite" className="text-green-900">
          {state.message}
        </p>
        <Link
          href="/sign-in"
          className="inline-block rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="accept-email" className={labelClass}>
          Email
        </label>
        <input
          id="accept-email"
          value={email}
          readOnly
          autoComplete="username"
          className={`${inputClass} bg-slate-50`}
        />
      </div>
      <div>
        <label htmlFor="accept-name" className={labelClass}>
          Your name (optional)
        </label>
        <input
          id="accept-name"
          name="name"
          autoComplete="name"
          className={inputClass}
          {...fieldAria(f, "name", state)}
        />
        <FieldError form={f} field="name" state={state} />
      </div>
      <div>
        <label htmlFor="accept-password" className={labelClass}>
          New password
        </label>
        <p id="accept-password-hint" className="text-xs text-slate-600">
          At least 12 characters.
        </p>
        <input
          id="accept-password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria(f, "password", state, "accept-password-hint")}
        />
        <FieldError form={f} field="password" state={state} />
      </div>
      <div>
        <label htmlFor="accept-confirm" className={labelClass}>
          Repeat the password
        </label>
        <input
          id="accept-confirm"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria(f, "confirmPassword", state)}
        />
        <FieldError form={f} field="confirmPassword" state={state} />
      </div>
      <FormMessage state={state} id="accept-message" />
      <SubmitButton label="Set password" pendingLabel="Setting up your account…" />
    </form>
  );
}
