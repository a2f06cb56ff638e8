"use server";
// Support's email actions on the customer page (issue 14): resend one email; switch the customer's
// nudge emails on or off (operators). Each answers in words for the aria-live region.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCustomerAccess, withAction, type ActionState } from "@/lib/auth/guard";
import { OPERATOR_ONLY, STAFF_ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { resendEmail } from "./resend";

const id = z.string().trim().min(1, "Missing id.").max(64);

const resend = withAction(
  STAFF_ROLES,
  z.object({ emailId: id, customerId: id }),
  async (actor, { emailId, customerId }) => {
    assertCustomerAccess(actor, customerId);
    const message = await resendEmail(actor, emailId, customerId);
    revalidatePath(`/console/customers/${customerId}`);
    return { ok: true, message };
  },
);
export async function resendEmailAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return resend(prev, form);
}

const nudgesSchema = z.object({ customerId: id, emailNudges: z.enum(["on", "off"], { error: "Choose on or off." }) });
const setNudges = withAction(OPERATOR_ONLY, nudgesSchema, async (actor, { customerId, emailNudges }) => {
  const on = emailNudges === "on";
  await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customerId }, data: { emailNudges: on } });
    await recordAudit(
      actor,
      { action: "customer.email_nudges", targetType: "Customer", targetId: customerId, customerId, details: { on } },
      tx,
    );
  });
  revalidatePath(`/console/customers/${customerId}`);
  return {
    ok: true,
    message: on
      ? "Nudge emails are on for this customer's admins."
      : "Nudge emails are off for this customer's admins.",
  };
});
export async function setEmailNudgesAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return setNudges(prev, form);
}
