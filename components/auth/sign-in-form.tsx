"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/catalogue";
import { useState, useTransition } from "react";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "@/lib/auth/sign-in-messages";

/** The catalogue's key for next-auth's `error` code (lib/auth/sign-in-messages.ts); any other code is a refusal. */
function errorKey(code: string): "throttled" | "unavailable" | "refused" {
  if (code === SIGN_IN_THROTTLED) return "throttled";
  if (code === SIGN_IN_UNAVAILABLE) return "unavailable";
  return "refused";
}

/** `initialError` is next-auth's error code from the page's address. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
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

  return (
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
}
