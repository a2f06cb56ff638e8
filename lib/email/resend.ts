import "server-only";
// Support resends an email (issue 14): a new outbox row with the same template, recipient and content,
// caused by "resend:<email>:<n>", so two clicks at the same moment are one resend. Audited.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { SafeError } from "@/lib/errors/safe-error";
import { queueEmail } from "./outbox";

export async function resendEmail(actor: Actor, emailId: string, customerId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const email = await tx.email.findFirst({ where: { id: emailId, customerId } });
    if (!email) throw new SafeError("not_found", "No such email for this customer.");
    if (email.status === "QUEUED" || email.status === "SENDING") {
      throw new SafeError("conflict", "This email is still being sent: wait for it to be sent or fail.");
    }
    const resends = await tx.email.count({ where: { cause: { startsWith: `resend:${email.id}:` } } });
    const queued = await queueEmail(tx, {
      template: email.template,
      to: email.toAddress,
      cause: `resend:${email.id}:${resends + 1}`,
      data: email.data as Prisma.InputJsonValue,
      customerId: email.customerId,
      integrationId: email.integrationId,
      secretEnvelope: email.secretEnvelope,
    });
    if (!queued) throw new SafeError("conflict", "A resend of this email was just queued.");
    await recordAudit(
      actor,
      {
        action: "email.resent",
        targetType: "Email",
        targetId: email.id,
        customerId,
        details: { template: email.template, to: email.toAddress },
      },
      tx,
    );
    return `Queued again for ${email.toAddress}; it is sent within a minute.`;
  });
}
