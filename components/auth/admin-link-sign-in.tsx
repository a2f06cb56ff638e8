"use client";
// Uses a sign-in link from the vendor's ATS (issue 12) as soon as the page opens, then lands on the
// integrations page. The link is single use: if it was used meanwhile, say so.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/catalogue";
import { useEffect, useRef, useState } from "react";

export function AdminLinkSignIn({ token }: { token: string }) {
  const t = useTranslations("AdminLink");
  const refusedMessage = t("refused");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // React's development double effect must not spend the link twice
    started.current = true;
    void signIn("admin-link", { token, redirect: false }).then((result) => {
      if (!result || result.error) {
        setError(refusedMessage);
        return;
      }
      router.replace("/integrations");
      router.refresh();
    });
  }, [token, refusedMessage, router]);

  return error ? (
    <div role="alert" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
      {error}
    </div>
  ) : (
    <p role="status" className="text-sm text-slate-600">
      {t("signingIn")}
    </p>
  );
}
