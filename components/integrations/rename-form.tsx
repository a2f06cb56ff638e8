"use client";
// Renaming an integration: the customer-facing name LinkedIn shows (C11). Saving re-syncs the name.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import { useSWRConfig } from "swr";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { MAX_INTEGRATION_NAME } from "@/lib/integrations/limits";

export function RenameForm({
  integrationId,
  name,
  listKey,
  action,
}: {
  integrationId: string;
  name: string;
  listKey: string;
  /** Renames the integration (app/integrations/actions.ts). */
  action: FormAction;
}) {
  const t = useTranslations("Forms");
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(action, {});
  const { mutate } = useSWRConfig();
  const id = useId();
  useEffect(() => {
    if (state?.ok) void mutate(listKey);
  }, [state, mutate, listKey]);
  const fieldError = state?.errors?.name?.join(" ");
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-describedby={`${id}-status`}>
      <input type="hidden" name="integrationId" value={integrationId} />
      <div className="min-w-64 flex-1">
        <label htmlFor={`${id}-name`} className="block text-xs font-medium text-slate-600">
          {t("nameInLinkedIn")}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          defaultValue={name}
          maxLength={MAX_INTEGRATION_NAME}
          required
          aria-invalid={fieldError ? true : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t("saving") : t("rename")}
      </button>
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={`w-full text-sm ${state?.ok === false ? "text-red-700" : "text-slate-700"}`}
      >
        {fieldError ?? state?.message}
      </p>
    </form>
  );
}
