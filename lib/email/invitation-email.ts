import "server-only";
// The invitation email (issue 14): queued in the transaction that creates the invitation.
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/enums";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { sealInvitationLink } from "./invitation-link";
import { queueEmail } from "./outbox";
import type { InvitationData } from "./templates/data";

export async function queueInvitationEmail(
  tx: Prisma.TransactionClient,
  inv: {
    id: string;
    email: string;
    role: Role;
    customerId: string | null;
    customerName: string | null;
    expiresAt: Date;
    link: string;
  },
): Promise<void> {
  const data: InvitationData = {
    invitationId: inv.id,
    roleLabel: ROLE_LABELS[inv.role],
    role: inv.role,
    customerName: inv.customerName,
    expiresAt: inv.expiresAt.toISOString().slice(0, 16).replace("T", " "),
  };
  await queueEmail(tx, {
    template: "INVITATION",
    to: inv.email,
    cause: `invitation:${inv.id}`,
    data,
    customerId: inv.customerId,
    secretEnvelope: sealInvitationLink(inv.id, inv.link),
  });
}
