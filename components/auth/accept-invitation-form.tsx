"use client";
// The invitee sets a password (issue #6), then signs in.
import Link from "next/link";
import { useTranslations } from "@/components/i18n/catalogue";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormAction } from "@/lib/actions/state";

type AcceptState = ActionState & { email?: string };

export function AcceptInvitationForm({
  action,
  token,
  email,
}: {
  action: FormAction<AcceptState>;
  token: string;
  email: string;
}) {
  const t = useTranslations("Invite");
  const [state, formAction] = useActionState(action, undefined);
  const f = "accept";
  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-6">
        <p role="status" aria-live="polite" className="text-green-900">
          {state.email ? t("ready", { email: state.email }) : state.message}
        </p>
        <Link
          href="/sign-in"
          className="inline-block rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          {t("goToSignIn")}
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
      {/* The address is shown, not sent: the token names the invitation. */}
      <Field form={f} name="email" label={t("email")} state={state}>
        {(c) => (
          <input
            {...c}
            name={undefined}
            value={email}
            readOnly
            autoComplete="username"
            className={`${c.className} bg-slate-50`}
          />
        )}
      </Field>
      <Field form={f} name="name" label={t("name")} state={state}>
        {(c) => <input {...c} autoComplete="name" />}
      </Field>
      <Field form={f} name="password" label={t("password")} state={state} hint={t("passwordHint")} hintAbove>
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </Field>
      <Field form={f} name="confirmPassword" label={t("confirmPassword")} state={state}>
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage state={state} id="accept-message" />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
