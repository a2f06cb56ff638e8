"use client";
// The vendor's look (issue 25 point 2), for the vendor (every field required but the logo and support contact) or
// one customer (each empty field keeps the vendor's). The colour is checked on the server: text on it must reach
// WCAG AA in black or white; the logo is uploaded, never fetched (lib/branding/logo.ts).
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export type BrandingValues = {
  displayName: string | null;
  primaryColor: string | null;
  supportContact: string | null;
  hasLogo: boolean;
};

export function BrandingForm({
  action,
  values,
  customerId,
  inherited,
}: {
  action: FormAction;
  values: BrandingValues;
  /** Set for one customer's overrides; the vendor's own form has none. */
  customerId?: string;
  /** The vendor's values, shown as hints when the customer keeps them. */
  inherited?: { displayName: string; primaryColor: string };
}) {
  const [state, formAction] = useActionState<ActionState | undefined, FormData>(action, undefined);
  const f = customerId ? "customer-branding" : "vendor-branding";
  const keep = (what: string) => (inherited ? `Leave empty to keep the vendor's: ${what}.` : undefined);
  return (
    <form action={formAction} noValidate className="space-y-3" encType="multipart/form-data">
      {customerId ? <input type="hidden" name="customerId" value={customerId} /> : null}
      <Field form={f} name="displayName" label="Display name" state={state} hint={keep(inherited?.displayName ?? "")}>
        {(c) => <input {...c} defaultValue={values.displayName ?? ""} maxLength={80} />}
      </Field>
      <Field
        form={f}
        name="primaryColor"
        label="Primary colour (#rrggbb)"
        state={state}
        hint={
          keep(inherited?.primaryColor ?? "") ??
          "Fills the customer admin's bar and email buttons; their text turns black or white, whichever reads better."
        }
      >
        {(c) => <input {...c} defaultValue={values.primaryColor ?? ""} placeholder="#1d4ed8" maxLength={7} />}
      </Field>
      <Field
        form={f}
        name="supportContact"
        label="Support contact (email or https address)"
        state={state}
        hint={inherited ? "Leave empty to keep the vendor's." : undefined}
      >
        {(c) => <input {...c} defaultValue={values.supportContact ?? ""} maxLength={200} />}
      </Field>
      <Field
        form={f}
        name="logo"
        label="Logo (PNG, JPEG, GIF or WebP, at most 48 kB)"
        state={state}
        hint={values.hasLogo ? "A logo is set; choose a file to replace it." : "No logo set."}
      >
        {(c) => <input {...c} type="file" accept="image/png,image/jpeg,image/gif,image/webp" />}
      </Field>
      {values.hasLogo ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeLogo" /> Remove the logo
        </label>
      ) : null}
      <FormMessage state={state} id={`${f}-message`} />
      <SubmitButton label="Save look" pendingLabel="Saving…" />
    </form>
  );
}
