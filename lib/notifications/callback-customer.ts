import "server-only";
// Which customer a callback URL belongs to (C21) and the secret its pushes are signed with (C20, C3).
// Read on every request, never cached: a rotated key or re-entered secret takes effect at once.
import { db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto/secrets";
import { customerAppSecretContext } from "@/lib/linkedin/secret-contexts";

/** Callback keys are 32 random bytes in base64url (lib/customers/callback-url.ts); allow some slack. */
const CALLBACK_KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export type CallbackCustomer = { customerId: string; applicationId: string | null; clientSecretEnc: string | null };

export async function findCallbackCustomer(callbackKey: string): Promise<CallbackCustomer | null> {
  // A key that can not be one is not looked up at all (and can not reach the database as junk).
  if (!CALLBACK_KEY_SHAPE.test(callbackKey)) return null;
  // Raw SQL on purpose: this runs for every push, and one indexed join is far cheaper than the ORM's
  // query planning for the same result (bench/intake.bench.ts).
  const rows = await db.$queryRaw<CallbackCustomer[]>`
    SELECT c."id" AS "customerId", a."id" AS "applicationId", a."clientSecretEnc"
    FROM "Customer" c LEFT JOIN "CustomerApplication" a ON a."customerId" = c."id"
    WHERE c."callbackKey" = ${callbackKey}`;
  return rows[0] ?? null;
}

/** The application secret in the clear, for one signature check; never stored or logged (C3). */
export function callbackSecret(customer: CallbackCustomer): string | null {
  if (!customer.applicationId || !customer.clientSecretEnc) return null;
  return decryptSecret(customer.clientSecretEnc, customerAppSecretContext(customer.applicationId));
}
