"use client";
// Invite a person (issue #6): a customer admin for one customer, or support/operator staff. The link
// appears once, here, after creation; only its hash is stored.
import { useActionState, useState } from "react";
import { Field, Options } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { CopyField } from "@/components/ui/copy-field";

type InviteState = ActionState & { link?: string };

export function InviteForm({
  action,
  customers,
  defaultCustomerId,
}: {
  action: FormAction<InviteState>;
  customers: { id: string; displayName: string }[];
  defaultCustomerId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const [role, setRole] = useState<"CUSTOMER_ADMIN" | "SUPPORT" | "OPERATOR">("CUSTOMER_ADMIN");
  const f = "invite";
  return (
    <div className="space-y-3">
      <form action={formAction} className="grid gap-3 md:grid-cols-3" noValidate>
        <Field form={f} name="email" label="Email" state={state}>
          {(c) => <input {...c} type="email" autoComplete="off" />}
        </Field>
        <Field form={f} name="role" label="Role" state={state}>
          {(c) => (
            <select {...c} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
              <Options values={["CUSTOMER_ADMIN", "SUPPORT", "OPERATOR"] as const} labels={ROLE_LABELS} />
            </select>
          )}
        </Field>
        {role === "CUSTOMER_ADMIN" ? (
          <Field form={f} name="customerId" label="Customer" state={state}>
            {(c) => (
              <select {...c} defaultValue={defaultCustomerId ?? ""}>
                <option value="">Choose a customer…</option>
                {customers.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p className="self-end text-sm text-slate-600">
            Staff see every customer{role === "OPERATOR" ? " and can change everything" : ", never secrets"}.
          </p>
        )}
        <div className="md:col-span-3 flex flex-wrap items-center gap-3">
          <SubmitButton label="Create invitation" pendingLabel="Creating…" />
        </div>
      </form>
      <FormMessage state={state} id="invite-message" />
      {state?.ok && state.link ? (
        <CopyField label="Invitation link (shown once)" value={state.link} testId="invitation-link" />
      ) : null}
    </div>
  );
}
