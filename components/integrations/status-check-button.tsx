"use client";
// Asks LinkedIn for the latest onboarding status of this customer's integrations (C19b, C28).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/actions/state";

/** `action` asks for the check (app/integrations/actions.ts). */
export function StatusCheckButton({ action }: { action: FormAction }) {
  const t = useTranslations("Forms");
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-blue-700 px-3 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60"
      >
        {pending ? t("asking") : t("checkStatus")}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state?.ok === false ? "text-red-700" : "text-slate-700"}`}
      >
        {state?.message}
      </p>
    </form>
  );
}
