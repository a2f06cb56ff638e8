import "server-only";
// Secrets at rest (C3) under the configured keys: new writes use ONRAMP_ENCRYPTION_KEY (with its id),
// reads also accept ONRAMP_ENCRYPTION_OLD_KEYS, so keys can rotate. The context ("customer-app-
// secret:<id>") binds a ciphertext to its purpose and row: an encrypted token can not be swapped into
// another customer's secret column. The envelope format is lib/crypto/envelope.ts.
import { env } from "@/lib/env";
import { DecryptionError, openEnvelope, sealEnvelope } from "./envelope";

export { DecryptionError };

function keyRing(): { currentId: string; keys: Map<string, Buffer> } {
  const e = env();
  const keys = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(e.ONRAMP_ENCRYPTION_OLD_KEYS)) keys.set(id, Buffer.from(key, "base64"));
  keys.set(e.ONRAMP_ENCRYPTION_KEY_ID, Buffer.from(e.ONRAMP_ENCRYPTION_KEY, "base64"));
  return { currentId: e.ONRAMP_ENCRYPTION_KEY_ID, keys };
}

/** Encrypts `plaintext`; `context` must be given again to decrypt. */
export function encryptSecret(plaintext: string, context: string): string {
  const { currentId, keys } = keyRing();
  const key = keys.get(currentId);
  if (!key) throw new Error("encryption key missing");
  return sealEnvelope(plaintext, context, currentId, key);
}

export function decryptSecret(envelope: string, context: string): string {
  return openEnvelope(envelope, context, keyRing().keys);
}

/** ONRAMP_ENCRYPTION_KEY_ID: the key every new envelope is sealed under. */
export function currentKeyId(): string {
  return keyRing().currentId;
}

/** The same secret sealed again under the current key, bound to the same context (key rotation). */
export function reencryptSecret(envelope: string, context: string): string {
  return encryptSecret(decryptSecret(envelope, context), context);
}

/** Shorter secrets show no characters at all: four of them would be too much of the secret. */
const HINT_MIN_SECRET_LENGTH = 16;

/** "••••abcd": all a person ever sees of a secret again (C3); nothing for a short secret. */
export function secretHint(secret: string): string {
  return secret.length >= HINT_MIN_SECRET_LENGTH ? secret.slice(-4) : "";
}
