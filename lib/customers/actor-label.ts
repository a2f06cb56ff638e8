// Who asked for a change, as written into Job.triggeredBy: a user id, "api-token:<name>" or "system:<what>".
import type { AuditActor } from "@/lib/audit/record";

export function triggeredByOf(actor: AuditActor): string {
  if ("system" in actor) return `system:${actor.system}`;
  if ("apiTokenId" in actor) return `api-token:${actor.apiTokenName}`;
  return actor.userId;
}
