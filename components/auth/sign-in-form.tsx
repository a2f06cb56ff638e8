"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
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
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div aria-live="polite" role="status" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
