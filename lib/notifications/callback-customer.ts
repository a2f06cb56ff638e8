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
  const row = await db.customer.findUnique({
    where: { callbackKey },
    select: { id: true, application: { select: { id: true, clientSecretEnc: true } } },
  });
  if (!row) return null;
  return { customerId: row.id, applicationId: row.application?.id ?? null, clientSecretEnc: row.application?.clientSecretEnc ?? null };
}

/** The application secret in the clear, for one signature check; never stored or logged (C3). */
export function callbackSecret(customer: CallbackCustomer): string | null {
  if (!customer.applicationId || !customer.clientSecretEnc) return null;
  return decryptSecret(customer.clientSecretEnc, customerAppSecretContext(customer.applicationId));
}
