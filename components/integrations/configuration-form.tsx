"use client";
// The configuration values the operator lets a customer admin edit (C15, C17). Saving re-syncs them.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import { useSWRConfig } from "swr";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { CONFIG_FIELD_PREFIX, MAX_CONFIGURATION_VALUE } from "@/lib/integrations/limits";
import type { ConfigurationView } from "@/lib/integrations/view";

export function ConfigurationForm({
  integrationId,
  values,
  listKey,
  action,
}: {
  integrationId: string;
  values: ConfigurationView[];
  listKey: string;
  /** Saves the values (app/integrations/actions.ts). */
  action: FormAction;
}) {
  const t = useTranslations("Forms");
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(action, {});
  const { mutate } = useSWRConfig();
  const id = useId();
  useEffect(() => {
    if (state?.ok) void mutate(listKey);
  }, [state, mutate, listKey]);
  const editable = values.filter((v) => v.editable);
  if (editable.length === 0) return null;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="integrationId" value={integrationId} />
      {editable.map((v) => {
        const field = `${CONFIG_FIELD_PREFIX}${v.key}`;
        const error = state?.errors?.[field]?.join(" ");
        return (
          <div key={v.key}>
            <label htmlFor={`${id}-${v.key}`} className="block text-xs font-medium text-slate-600">
              {v.label}
            </label>
            <input
              id={`${id}-${v.key}`}
              name={field}
              defaultValue={v.value ?? ""}
              maxLength={MAX_CONFIGURATION_VALUE}
              aria-invalid={error ? true : undefined}
              aria-describedby={v.description ? `${id}-${v.key}-help` : undefined}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
            />
            {v.description ? (
              <p id={`${id}-${v.key}-help`} className="text-xs text-slate-500">
                {v.description}
              </p>
            ) : null}
            {error ? <p className="text-xs text-red-700">{error}</p> : null}
          </div>
        );
      })}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t("saving") : t("saveSettings")}
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
