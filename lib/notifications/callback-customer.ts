import "server-only";
// Which customer a callback URL belongs to (C21) and the secret its pushes are signed with (C20, C3).
// Read on every request, never cached: a rotated key or re-entered secret takes effect at once.
import { db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { customerAppPreviousSecretContext, customerAppSecretContext } from "@/lib/linkedin/secret-contexts";

/** Callback keys are 32 random bytes in base64url (lib/customers/callback-url.ts); allow some slack. */
const CALLBACK_KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export type CallbackCustomer = {
  customerId: string;
  applicationId: string | null;
  clientSecretEnc: string | null;
  /** L7: the secret before the last roll, accepted until previousSecretRetiresAt. */
  previousSecretEnc: string | null;
  previousSecretRetiresAt: Date | null;
};

export async function findCallbackCustomer(callbackKey: string): Promise<CallbackCustomer | null> {
  // A key that can not be one is not looked up at all (and can not reach the database as junk).
  if (!CALLBACK_KEY_SHAPE.test(callbackKey)) return null;
  // Raw SQL on purpose: this runs for every push, and one indexed join is far cheaper than the ORM's
  // query planning for the same result (bench/intake.bench.ts).
  const rows = await db.$queryRaw<CallbackCustomer[]>`
    SELECT c."id" AS "customerId", a."id" AS "applicationId", a."clientSecretEnc", a."previousSecretEnc", a."previousSecretRetiresAt"
    FROM "Customer" c LEFT JOIN "CustomerApplication" a ON a."customerId" = c."id"
    WHERE c."callbackKey" = ${callbackKey}`;
  return rows[0] ?? null;
}

/**
 * The secrets a push may be signed with, in the clear, for one signature check; never stored or logged (C3).
 * L7: after a roll LinkedIn keeps both valid and does not say which signs pushes, so the previous one counts
 * until it is retired. Empty when the customer has no application.
 */
export function callbackSecrets(customer: CallbackCustomer, now = new Date()): string[] {
  if (!customer.applicationId || !customer.clientSecretEnc) return [];
  const secrets = [decryptSecret(customer.clientSecretEnc, customerAppSecretContext(customer.applicationId))];
  if (customer.previousSecretEnc && customer.previousSecretRetiresAt && customer.previousSecretRetiresAt > now)
    secrets.push(decryptSecret(customer.previousSecretEnc, customerAppPreviousSecretContext(customer.applicationId)));
  return secrets;
}
