"use client";
// A form on the integration list: its action's answer, an id for its fields, and the list reloaded (SWR) once the
// action succeeds, so the change shows without a reload. The rename and configuration forms use it.
import { useActionState, useEffect, useId } from "react";
import { useSWRConfig } from "swr";
import type { ActionState, FormAction } from "@/lib/actions/state";

export function useListForm(action: FormAction, listKey: string) {
  const [state, formAction] = useActionState<ActionState | undefined, FormData>(action, {});
  const { mutate } = useSWRConfig();
  const id = useId();
  useEffect(() => {
    if (state?.ok) void mutate(listKey);
  }, [state, mutate, listKey]);
  return { state, formAction, id };
}
