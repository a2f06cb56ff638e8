import "server-only";
// The audit log (issue #2, #6): who did what, on what, when. Written in the same transaction as the
// change where one exists, so the log never claims what did not happen.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  customerId?: string | null;
  details?: Prisma.InputJsonValue;
};

export type AuditActor = Actor | { system: string } | { apiTokenId: string; apiTokenName: string };

function actorFields(actor: AuditActor): { actorId: string | null; actorLabel: string } {
  if ("system" in actor) return { actorId: null, actorLabel: `system:${actor.system}` };
  if ("apiTokenId" in actor) return { actorId: actor.apiTokenId, actorLabel: `api-token:${actor.apiTokenName}` };
  return { actorId: actor.userId, actorLabel: actor.email };
}

export async function recordAudit(
  actor: AuditActor,
  entry: AuditEntry,
  tx: Prisma.TransactionClient | typeof db = db,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...actorFields(actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      customerId: entry.customerId ?? null,
      details: entry.details,
    },
  });
}
