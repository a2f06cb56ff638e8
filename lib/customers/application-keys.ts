import "server-only";
// A customer's LinkedIn application keys entered by hand (C1: customers onboarded before Onramp bring
// theirs). The secret is write-only (C3): encrypted at once, shown again only as "••••abcd". Keys are
// checked with one token request before they replace anything, so working keys are never overwritten
// by ones LinkedIn refuses.
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { SafeError } from "@/lib/errors/safe-error";
import { resolveIssues } from "@/lib/issues/lifecycle";
import { customerAppSecretContext, verifyApplicationCredentials } from "@/lib/linkedin";
import { CUSTOMER_ARCHIVED_MESSAGE } from "./archived";
import type { ApplicationKeysInput } from "./schemas";
import { NO_ROLL_IN_FLIGHT, secretRollData } from "./secret-roll";
import { isUniqueViolation } from "./unique-violation";

export type KeysOutcome = { saved: true; works: true; message: string };

function clientIdTaken(): SafeError {
  return new SafeError("conflict", "This API key belongs to another customer.", {
    clientId: ["Another customer already uses this API key; each customer has its own LinkedIn application."],
  });
}

/**
 * Checks the keys with LinkedIn, then stores them (replacing any earlier pair). Throws an
 * "unprocessable" SafeError with a field message when LinkedIn refuses them or can not be asked:
 * nothing is changed then.
 */
export async function setApplicationKeys(
  actor: AuditActor,
  customerId: string,
  keys: ApplicationKeysInput,
): Promise<KeysOutcome> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      archivedAt: true,
      application: { select: { id: true, clientId: true, clientSecretEnc: true } },
    },
  });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  // Issue 20 item 5: an archived customer's keys do not change (nor are they checked at LinkedIn).
  if (customer.archivedAt) throw new SafeError("conflict", CUSTOMER_ARCHIVED_MESSAGE);
  const other = await db.customerApplication.findUnique({
    where: { clientId: keys.clientId },
    select: { customerId: true },
  });
  if (other && other.customerId !== customerId) throw clientIdTaken();

  const check = await verifyApplicationCredentials(keys.clientId, keys.clientSecret);
  if (!check.ok) {
    await recordAudit(actor, {
      action: "customer.application_keys_refused",
      targetType: "Customer",
      targetId: customerId,
      customerId,
      details: { clientId: keys.clientId, reason: check.message },
    });
    throw new SafeError("unprocessable", `These keys do not work: ${check.message} Nothing was changed.`, {
      clientSecret: ["LinkedIn did not accept this API key and secret."],
    });
  }

  const replaced = customer.application !== null;
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      const app =
        customer.application ??
        (await tx.customerApplication.create({
          data: {
            customerId,
            clientId: keys.clientId,
            clientSecretEnc: "pending",
            clientSecretHint: "",
            origin: "MANUAL",
          },
          select: { id: true, clientId: true },
        }));
      // L7: a new secret for the same API key (rotated in LinkedIn's developer portal) keeps the old one accepted
      // for pushes during the overlap; other keys replace everything.
      const sameKey = customer.application !== null && customer.application.clientId === keys.clientId;
      const secretData =
        sameKey && customer.application
          ? secretRollData(app.id, customer.application.clientSecretEnc, keys.clientSecret, now)
          : {
              // The context binds the ciphertext to this row and purpose (C3).
              clientSecretEnc: encryptSecret(keys.clientSecret, customerAppSecretContext(app.id)),
              clientSecretHint: secretHint(keys.clientSecret),
              previousSecretEnc: null,
              previousSecretRetiresAt: null,
              secretSetAt: now,
              // Other keys: a roll in flight of the old ones no longer concerns this customer (issue 20 item 7).
              ...NO_ROLL_IN_FLIGHT,
            };
      await tx.customerApplication.update({
        where: { id: app.id },
        data: {
          clientId: keys.clientId,
          ...secretData,
          ...(keys.applicationUrn ? { applicationUrn: keys.applicationUrn } : {}),
          origin: "MANUAL",
          // A token of the old keys must not outlive them.
          accessTokenEnc: null,
          accessTokenExpiresAt: null,
          lastAuthError: null,
          lastAuthErrorAt: null,
          lastVerifiedAt: now,
        },
      });
      // Issue 22: LinkedIn accepted the keys just entered (checked above), so "keys refused" resolves itself.
      await resolveIssues(tx, { type: "KEYS_REFUSED", customerId, by: "system:keys-entered" });
      await recordAudit(
        actor,
        {
          action: replaced ? "customer.application_keys_replaced" : "customer.application_keys_set",
          targetType: "Customer",
          targetId: customerId,
          customerId,
          details: {
            clientId: keys.clientId,
            previousClientId: customer.application?.clientId ?? null,
            verified: true,
          },
        },
        tx,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e, "clientId")) throw clientIdTaken();
    throw e;
  }
  return {
    saved: true,
    works: true,
    message: "LinkedIn accepted these keys: they work. The secret is stored encrypted and will not be shown again.",
  };
}
