"use client";
// Webhook endpoints in the console (issue 12): the form that adds or edits one (URL, event types, whether
// One-Click Exports are resolved, L17/L18), the secret rotation (adding and rotating show the signing secret
// once), and support's replay of a time range.
import { useActionState, useId } from "react";
import { secondaryButtonClass } from "@/components/ui/button-styles";
import { CheckboxGroup, Field } from "@/components/ui/field";
import { FieldError, fieldAria } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { EVENT_TYPE_LABELS, EVENT_TYPES } from "@/lib/events/types";
import { CopyField } from "@/components/ui/copy-field";

const EVENT_TYPE_OPTIONS = EVENT_TYPES.map((t) => [t, EVENT_TYPE_LABELS[t]] as const);

type SecretState = ActionState & { secret?: string };
type SecretAction = FormAction<SecretState>;

function ShownOnce({ state }: { state: SecretState | undefined }) {
  return state?.ok && state.secret ? (
    <CopyField label="Signing secret (shown once)" value={state.secret} testId="webhook-secret" />
  ) : null;
}

/** An endpoint's editable fields, for the edit form's initial values. */
export type WebhookEndpointFields = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  resolveExports: boolean;
};

/** Adds an endpoint, or edits `endpoint` when given (its action then answers no secret). */
export function WebhookEndpointForm({ action, endpoint }: { action: SecretAction; endpoint?: WebhookEndpointFields }) {
  const [state, formAction] = useActionState(action, undefined);
  const f = useId();
  return (
    <div className="space-y-3">
      <form action={formAction} noValidate className="space-y-3">
        {endpoint ? <input type="hidden" name="endpointId" value={endpoint.id} /> : null}
        <Field
          form={f}
          name="url"
          label="URL"
          state={state}
          hint="https, on a public address (not this machine or a private network)."
          className="max-w-xl"
        >
          {(c) => <input {...c} defaultValue={endpoint?.url} placeholder="https://ats.example.com/hooks/onramp" />}
        </Field>
        <Field form={f} name="description" label="Description (optional)" state={state} className="max-w-xl">
          {(c) => <input {...c} defaultValue={endpoint?.description ?? ""} />}
        </Field>
        <CheckboxGroup
          form={f}
          name="eventTypes"
          legend="Event types (none ticked: every type)"
          options={EVENT_TYPE_OPTIONS}
          checked={endpoint?.eventTypes}
          state={state}
        />
        <div className="max-w-xl">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="resolveExports"
              value="true"
              defaultChecked={endpoint?.resolveExports}
              className="mt-0.5"
              {...fieldAria(f, "resolveExports", state, `${f}-resolve-hint`)}
            />
            <span>Resolve One-Click Exports before delivery</span>
          </label>
          <p id={`${f}-resolve-hint`} className="mt-1 text-xs text-slate-600">
            For <span className="font-mono">linkedin.export_candidate_profile</span> events Onramp calls LinkedIn&apos;s{" "}
            <span className="font-mono">exportedCandidates?q=request</span> with the customer&apos;s application and
            delivers the candidates in <span className="font-mono">data.exportedCandidates</span>. Each call counts in
            that application&apos;s daily budget for exported candidates. Unticked, the ATS resolves the export itself.
          </p>
          <FieldError form={f} field="resolveExports" state={state} />
        </div>
        <SubmitButton
          label={endpoint ? "Save endpoint" : "Add endpoint"}
          pendingLabel={endpoint ? "Saving…" : "Adding…"}
        />
      </form>
      <FormMessage state={state} id={`${f}-message`} />
      <ShownOnce state={state} />
    </div>
  );
}

export function WebhookRotateButton({ action, endpointId }: { action: SecretAction; endpointId: string }) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <SubmitButton label="Rotate secret" pendingLabel="Rotating…" className={secondaryButtonClass} />
      </form>
      <FormMessage state={state} />
      <ShownOnce state={state} />
    </div>
  );
}

export function WebhookReplayRangeForm({ action, endpointId }: { action: FormAction; endpointId: string }) {
  const [state, formAction] = useActionState(action, undefined);
  const id = useId();
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="endpointId" value={endpointId} />
      <Field form={id} name="from" label="From (UTC)" state={state}>
        {(c) => <input {...c} type="datetime-local" />}
      </Field>
      <Field form={id} name="to" label="To (UTC)" state={state}>
        {(c) => <input {...c} type="datetime-local" />}
      </Field>
      <SubmitButton label="Replay this range" pendingLabel="Queuing…" className={secondaryButtonClass} />
      <FormMessage state={state} />
    </form>
  );
}
