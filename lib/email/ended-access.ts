import "server-only";
// Emails whose reason went away with someone's access (issue 20 item 5), checked at send time like opt-outs
// (./delivery.ts): anything about an archived customer, an invitation withdrawn since it was queued (revoked, its
// sender disabled), and mail to a person whose account is disabled. Each is SUPPRESSED with the reason.
import type { Email } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { invitationDataSchema } from "./templates/data";

type Outgoing = Pick<Email, "template" | "toAddress" | "customerId" | "data">;

export async function endedAccessSuppression(email: Outgoing): Promise<string | null> {
  if (email.customerId) {
    const customer = await db.customer.findUnique({ where: { id: email.customerId }, select: { archivedAt: true } });
    if (customer?.archivedAt) return "Not sent: the customer is archived in Onramp.";
  }
  if (email.template === "INVITATION") {
    const data = invitationDataSchema.safeParse(email.data);
    const invitation = data.success
      ? await db.invitation.findUnique({
          where: { id: data.data.invitationId },
          select: { revokedAt: true, createdBy: { select: { disabledAt: true } } },
        })
      : null;
    if (invitation && (invitation.revokedAt || invitation.createdBy?.disabledAt))
      return "Not sent: the invitation was withdrawn.";
    return null;
  }
  const person = await db.user.findUnique({ where: { email: email.toAddress }, select: { disabledAt: true } });
  return person?.disabledAt ? `Not sent: the account of ${email.toAddress} is disabled.` : null;
}
