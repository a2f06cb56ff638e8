"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/catalogue";
import { useState, useTransition } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import {
  PROVIDER_FAILED_CODES,
  SIGN_IN_THROTTLED,
  SIGN_IN_UNAVAILABLE,
  STAFF_NO_ROLE,
  STAFF_REFUSED,
} from "@/lib/auth/sign-in-messages";

type ErrorKey = "throttled" | "unavailable" | "refused" | "staffNoRole" | "staffRefused" | "providerFailed";
const ERROR_KEYS: Record<string, ErrorKey> = {
  [SIGN_IN_THROTTLED]: "throttled",
  [SIGN_IN_UNAVAILABLE]: "unavailable",
  [STAFF_NO_ROLE]: "staffNoRole",
  [STAFF_REFUSED]: "staffRefused",
  ...Object.fromEntries(PROVIDER_FAILED_CODES.map((code) => [code, "providerFailed" as const])),
};

/** The catalogue's key for next-auth's `error` code (lib/auth/sign-in-messages.ts); any other code is a refusal. */
function errorKey(code: string): ErrorKey {
  return ERROR_KEYS[code] ?? "refused";
}

/** The staff's identity provider (issue 24): its button, and whether staff may still sign in with a password. */
export type StaffSignInOptions = { provider: { id: string; name: string } | null; staffPassword: boolean };

/** `initialError` is next-auth's error code from the page's address. */
export function SignInForm({
  callbackUrl,
  initialError,
  staff,
}: {
  callbackUrl?: string;
  initialError?: string;
  staff: StaffSignInOptions;
}) {
  const t = useTranslations("SignIn");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError ? t(errorKey(initialError)) : undefined);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("missing"));
      return;
    }
    startTransition(async () => {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(t(errorKey(result?.error ?? "")));
        return;
      }
      setError(undefined);
      router.replace(callbackUrl ?? "/");
      router.refresh();
    });
  }

  const passwordForm = (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <Field form="sign-in" name="email" label={t("email")} state={undefined}>
        {(control) => <input {...control} type="email" autoComplete="email" required />}
      </Field>
      <Field form="sign-in" name="password" label={t("password")} state={undefined}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <FormMessage state={error ? { ok: false, message: error } : undefined} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
  const provider = staff.provider;
  return (
    <div className="space-y-4">
      {provider ? (
        <button
          type="button"
          className={`${secondaryButtonClass} w-full`}
          onClick={() => signIn(provider.id, { callbackUrl: callbackUrl ?? "/" })}
        >
          {t("staffProvider", { name: provider.name })}
        </button>
      ) : null}
      {provider && !staff.staffPassword ? (
        <p className="text-sm text-slate-600">{t("passwordForCustomerAdmins")}</p>
      ) : null}
      {passwordForm}
    </div>
  );
}
