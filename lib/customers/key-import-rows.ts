import "server-only";
// A key import's rows once they wait for their check (lib/customers/key-import.ts): their shape, their outcomes,
// and how an outcome other than IMPORTED is recorded (the secret erased with it, C3).
import type { AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { KeyImportRowStatus } from "@/lib/db/enums";

export type PendingRow = {
  id: string;
  line: number;
  foreignId: string | null;
  displayName: string | null;
  clientId: string | null;
  applicationUrn: string | null;
  offeredIntegrationTypes: string[];
  clientSecretEnc: string | null;
};

export type RowOutcome = { status: Exclude<KeyImportRowStatus, "PENDING">; reason: string; customerId: string | null };

export const refused = (reason: string, customerId: string | null = null): RowOutcome => ({
  status: "REFUSED",
  reason,
  customerId,
});

/** Who the audit entries of the job's checks and stores name. */
export const SYSTEM: AuditActor = { system: "key-import" };

export type StoredCustomer = {
  id: string;
  archivedAt: Date | null;
  application: { id: string; clientId: string; clientSecretEnc: string; applicationUrn: string | null } | null;
};

/** Records a row's outcome (and erases its secret) unless another run already did. */
export async function recordRowOutcome(rowId: string, outcome: RowOutcome) {
  await db.keyImportRow.updateMany({
    where: { id: rowId, status: "PENDING" },
    data: { ...outcome, clientSecretEnc: null, processedAt: new Date() },
  });
}
