import "server-only";
// Issue 22: a sync's last attempt failed (C14, C17): the "sync failing" issue of each integration, in the transaction
// that records the failure. The detector pass (lib/support/issue-detector.ts) resolves it once the sync succeeds.
import type { Prisma } from "@/lib/db/generated/client";
import { openIssue } from "./lifecycle";

export async function openSyncFailingIssues(
  tx: Prisma.TransactionClient,
  failures: { integrationId: string; message: string }[],
): Promise<void> {
  if (failures.length === 0) return;
  const rows = await tx.integration.findMany({
    where: { id: { in: failures.map((f) => f.integrationId) } },
    select: { id: true, customerId: true },
  });
  const message = new Map(failures.map((f) => [f.integrationId, f.message]));
  for (const r of rows)
    await openIssue(tx, {
      type: "SYNC_FAILING",
      customerId: r.customerId,
      integrationId: r.id,
      detail: message.get(r.id) ?? "Sending this integration's details to LinkedIn failed.",
      by: "system:sync",
    });
}
