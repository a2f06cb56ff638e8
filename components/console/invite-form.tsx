"use client";
// Invite a person (issue #6): a customer admin for one customer, or support/operator staff. The link
// appears once, here, after creation; only its hash is stored.
import { useActionState, useState } from "react";
import { inputClass, labelClass } from "@/components/console/button-styles";
import { FieldError, fieldAria } from "@/components/console/field-error";
import { FormMessage } from "@/components/console/form-message";
import { SubmitButton } from "@/components/console/submit-button";
import type { ActionState } from "@/lib/actions/state";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { CopyField } from "./copy-field";

type InviteState = ActionState & { link?: string };

export function InviteForm({
  action,
  customers,
  defaultCustomerId,
}: {
  action: (prev: InviteState | undefined, form: FormData) => Promise<InviteState>;
  customers: { id: string; displayName: string }[];
  defaultCustomerId?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const [role, setRole] = useState<"CUSTOMER_ADMIN" | "SUPPORT" | "OPERATOR">("CUSTOMER_ADMIN");
  const f = "invite";
  return (
    <div className="space-y-3">
      <form action={formAction} className="grid gap-3 md:grid-cols-3" noValidate>
        <div>
          <label htmlFor="invite-email" className={labelClass}>
            Email
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            className={inputClass}
            {...fieldAria(f, "email", state)}
          />
          <FieldError form={f} field="email" state={state} />
        </div>
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            className={inputClass}
            {...fieldAria(f, "role", state)}
          >
            {(["CUSTOMER_ADMIN", "SUPPORT", "OPERATOR"] as const).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <FieldError form={f} field="role" state={state} />
        </div>
        {role === "CUSTOMER_ADMIN" ? (
          <div>
            <label htmlFor="invite-customer" className={labelClass}>
              Customer
            </label>
            <select
              id="invite-customer"
              name="customerId"
              defaultValue={defaultCustomerId ?? ""}
              className={inputClass}
              {...fieldAria(f, "customerId", state)}
            >
              <option value="">Choose a customer…</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
            <FieldError form={f} field="customerId" state={state} />
          </div>
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
