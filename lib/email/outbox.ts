import "server-only";
// The email outbox (issue 14): an email is a row written in the SAME transaction as the change that
// causes it, so a crash either keeps both or neither. (cause, recipient, template) is unique: the same
// cause queued twice (a retried job, two workers) is one email. The delivery sweep sends it.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { EmailCategory, EmailTemplate } from "@/lib/db/enums";
import { randomToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";

export const TEMPLATE_CATEGORY: Record<EmailTemplate, EmailCategory> = {
  INVITATION: "INVITATIONS",
  PARTNER_READY: "NUDGES",
  PARTNER_READY_REMINDER: "NUDGES",
  ADMIN_ACTION_NEEDED: "NUDGES",
  SUPPORT_DIGEST: "DIGEST",
  ISSUE_REMEDIATION: "NUDGES",
};

export type QueueEmailInput = {
  template: EmailTemplate;
  to: string;
  cause: string;
  data: Prisma.InputJsonValue;
  customerId?: string | null;
  integrationId?: string | null;
  /** Only an invitation's link, already encrypted (lib/crypto/secrets.ts). */
  secretEnvelope?: string | null;
};

/** A Message-ID that names no internal id; the host is Onramp's public host. */
export function newMessageId(): string {
  return `<${randomUUID()}@${new URL(env().PUBLIC_URL).hostname}>`;
}

/** Queues one email inside `tx`; false when this cause already queued it for this recipient. */
export async function queueEmail(tx: Prisma.TransactionClient, input: QueueEmailInput): Promise<boolean> {
  const to = input.to.trim().toLowerCase();
  const created = await tx.email.createMany({
    data: [
      {
        template: input.template,
        toAddress: to,
        cause: input.cause,
        data: input.data,
        customerId: input.customerId ?? null,
        integrationId: input.integrationId ?? null,
        secretEnvelope: input.secretEnvelope ?? null,
        messageId: newMessageId(),
        unsubscribeKey: randomToken(24),
      },
    ],
    skipDuplicates: true,
  });
  if (created.count > 0) afterCommitKick();
  return created.count > 0;
}

const globalForKick = globalThis;

/** Lets the process's delivery worker (lib/email/schedule.ts) send soon rather than at the next tick. */
export function registerEmailKick(kick: (() => void) | undefined): void {
  globalForKick.onrampEmailKick = kick;
}

function afterCommitKick(): void {
  const kick = globalForKick.onrampEmailKick;
  // The kick runs after a short delay so the queuing transaction has committed; if it has not (or it
  // rolled back), the row is not there yet and the once-a-minute sweep picks it up.
  if (kick) setTimeout(kick, 500).unref();
}
