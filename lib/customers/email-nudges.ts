import "server-only";
// An operator switches a customer's nudge emails on or off (issue 14); audited with the change.
import type { AuditActor } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";

export async function setEmailNudges(actor: AuditActor, customerId: string, on: boolean): Promise<{ message: string }> {
  await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customerId }, data: { emailNudges: on } });
    await recordAudit(
      actor,
      { action: "customer.email_nudges", targetType: "Customer", targetId: customerId, customerId, details: { on } },
      tx,
    );
  });
  return {
    message: on
      ? "Nudge emails are on for this customer's admins."
      : "Nudge emails are off for this customer's admins.",
  };
}
