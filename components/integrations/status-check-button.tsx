"use client";
// Asks LinkedIn for the latest onboarding status of this customer's integrations (C19b, C28).
import { useTranslations } from "@/components/i18n/catalogue";
import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormAction } from "@/lib/actions/state";

/** `action` asks for the check (app/integrations/actions.ts). */
export function StatusCheckButton({ action }: { action: FormAction }) {
  const t = useTranslations("Forms");
  const [state, formAction] = useActionState<ActionState | undefined, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <SubmitButton label={t("checkStatus")} pendingLabel={t("asking")} className={secondaryButtonClass} />
      <FormMessage state={state} />
    </form>
  );
}
