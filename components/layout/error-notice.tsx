"use client";
// What a page shows when a part of it failed on the server (issue 21, point 1): a plain sentence, the error's
// reference id (Next's digest, which the server logs with the error: lib/log/request-error.ts) so support can find
// it, and a retry. The error's own message never reaches the browser in production.
import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/catalogue";
import { startTransition } from "react";
import { primaryButtonClass } from "@/components/ui/button-styles";

export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Error");
  const router = useRouter();
  // A server component's error is in the page's payload: fetch it again, then draw the segment anew.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center" data-testid="error-notice">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("reference")} <code data-testid="error-reference">{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={retry} className={`mt-6 ${primaryButtonClass}`}>
        {t("retry")}
      </button>
    </div>
  );
}
