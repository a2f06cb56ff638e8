"use server";
// Email actions of the customer page (issue 14), thin wrappers (issue #13): resend one email (staff);
// switch the customer's nudge emails on or off (operators). Each answers in words for the live region.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { assertCustomerAccess, withAction } from "@/lib/auth/guard";
import { OPERATOR_ONLY, STAFF_ROLES } from "@/lib/auth/roles";
import { setEmailNudges } from "@/lib/customers/email-nudges";
import { resendEmail } from "@/lib/email/resend";

const customerPath = (customerId: string) => `/console/customers/${customerId}`;

export const resendEmailAction = withAction(
  STAFF_ROLES,
  z.object({ emailId: idField, customerId: idField }),
  async (actor, { emailId, customerId }) => {
    assertCustomerAccess(actor, customerId);
    const message = await resendEmail(actor, emailId, customerId);
    revalidatePath(customerPath(customerId));
    return { ok: true, message };
  },
);

const nudgesSchema = z.object({
  customerId: idField,
  emailNudges: z.enum(["on", "off"], { error: "Choose on or off." }),
});

export const setEmailNudgesAction = withAction(
  OPERATOR_ONLY,
  nudgesSchema,
  async (actor, { customerId, emailNudges }) => {
    const { message } = await setEmailNudges(actor, customerId, emailNudges === "on");
    revalidatePath(customerPath(customerId));
    return { ok: true, message };
  },
);
