import "server-only";
// A key import stores a row LinkedIn accepted (C1, L21): a new customer or the existing one, its keys added or
// its secret rolled (L7), the row's outcome written in the same transaction.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveIssues } from "@/lib/issues/lifecycle";
import { customerAppSecretContext } from "@/lib/linkedin";
import { newCallbackKey } from "./callback-url";
import { type PendingRow, type RowOutcome, refused, type StoredCustomer, SYSTEM } from "./key-import-rows";
import { secretRollData } from "./secret-roll";
import { isUniqueViolation } from "./unique-violation";

/** Stores a row LinkedIn accepted; answers its outcome (null: another attempt already decided the row). */
export async function storeRow(
  importId: string,
  row: PendingRow,
  keys: { foreignId: string; clientId: string; displayName: string; secret: string },
  customer: StoredCustomer | null,
): Promise<RowOutcome | null> {
  const now = new Date();
  const audit = { importId, line: row.line, clientId: keys.clientId, verified: true };
  try {
    return await db.$transaction(async (tx) => {
      // Locks the row first: a stale attempt of the job that already decided it stores nothing.
      const claimed = await tx.keyImportRow.updateMany({
        where: { id: row.id, status: "PENDING" },
        data: { processedAt: now },
      });
      if (claimed.count === 0) return null;
      let customerId = customer?.id;
      if (!customerId) {
        ({ id: customerId } = await tx.customer.create({
          data: {
            displayName: keys.displayName,
            foreignId: keys.foreignId,
            offeredIntegrationTypes: row.offeredIntegrationTypes,
            callbackKey: newCallbackKey(), // C21
          },
          select: { id: true },
        }));
        await recordAudit(
          SYSTEM,
          {
            action: "customer.created",
            targetType: "Customer",
            targetId: customerId,
            customerId,
            details: {
              displayName: keys.displayName,
              foreignId: keys.foreignId,
              offeredIntegrationTypes: row.offeredIntegrationTypes,
              importId,
              line: row.line,
            },
          },
          tx,
        );
      }
      const existing = customer?.application ?? null;
      const urn = row.applicationUrn ? { applicationUrn: row.applicationUrn } : {};
      const fresh = {
        accessTokenEnc: null,
        accessTokenExpiresAt: null,
        lastAuthError: null,
        lastAuthErrorAt: null,
        lastVerifiedAt: now,
      };
      let reason: string;
      if (existing) {
        // The same API key with a new secret (rotated in LinkedIn's developer portal): the old one stays accepted
        // for pushes during the overlap (L7), as when it is entered by hand.
        await tx.customerApplication.update({
          where: { id: existing.id },
          data: { ...secretRollData(existing.id, existing.clientSecretEnc, keys.secret, now), ...urn, ...fresh },
        });
        reason = `LinkedIn accepted the new secret; it replaced the stored one (the previous one is accepted for pushes for ${env().LINKEDIN_SECRET_OVERLAP_HOURS} hours).`;
      } else {
        const applicationId = randomUUID();
        await tx.customerApplication.create({
          data: {
            id: applicationId,
            customerId,
            clientId: keys.clientId,
            clientSecretEnc: encryptSecret(keys.secret, customerAppSecretContext(applicationId)),
            clientSecretHint: secretHint(keys.secret),
            origin: "MANUAL",
            secretSetAt: now,
            ...urn,
            ...fresh,
          },
        });
        reason = customer
          ? "LinkedIn accepted these keys; they were added to the existing customer."
          : "LinkedIn accepted these keys; the customer was created with them.";
      }
      await recordAudit(
        SYSTEM,
        {
          action: existing ? "customer.application_keys_replaced" : "customer.application_keys_set",
          targetType: "Customer",
          targetId: customerId,
          customerId,
          details: audit,
        },
        tx,
      );
      // Issue 22: LinkedIn accepted the imported keys, so "keys refused" resolves itself.
      if (existing) await resolveIssues(tx, { type: "KEYS_REFUSED", customerId, by: "system:keys-imported" });
      const outcome: RowOutcome = { status: "IMPORTED", reason, customerId };
      await tx.keyImportRow.update({ where: { id: row.id }, data: { ...outcome, clientSecretEnc: null } });
      return outcome;
    });
  } catch (e) {
    // Another import or an operator stored the same customer id, API key or URN meanwhile.
    for (const field of ["foreignId", "clientId", "applicationUrn", "customerId"] as const)
      if (isUniqueViolation(e, field))
        return refused(`Another change stored the same ${field} while this row was checked. Upload the row again.`);
    throw e;
  }
}
