import "server-only";
// Secrets at rest (C3): AES-256-GCM, envelope "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url parts).
// The key id lets keys rotate: new writes use ONRAMP_ENCRYPTION_KEY, reads also accept
// ONRAMP_ENCRYPTION_OLD_KEYS. The associated data binds a ciphertext to its purpose and row, so an
// encrypted token can not be swapped into another customer's secret column.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

function keyRing(): { currentId: string; keys: Map<string, Buffer> } {
  const e = env();
  const keys = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(e.ONRAMP_ENCRYPTION_OLD_KEYS)) keys.set(id, Buffer.from(key, "base64"));
  keys.set(e.ONRAMP_ENCRYPTION_KEY_ID, Buffer.from(e.ONRAMP_ENCRYPTION_KEY, "base64"));
  return { currentId: e.ONRAMP_ENCRYPTION_KEY_ID, keys };
}

/** Encrypts `plaintext`; `context` (e.g. "customer-app-secret:<id>") must be given again to decrypt. */
export function encryptSecret(plaintext: string, context: string): string {
  const { currentId, keys } = keyRing();
  const key = keys.get(currentId);
  if (!key) throw new Error("encryption key missing");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, currentId, iv.toString("base64url"), tag.toString("base64url"), ct.toString("base64url")].join(".");
}

export function decryptSecret(envelope: string, context: string): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("not an Onramp secret envelope");
  const [, keyId, iv, tag, ct] = parts as [string, string, string, string, string];
  const key = keyRing().keys.get(keyId);
  if (!key) throw new DecryptionError(`secret was encrypted with key "${keyId}", which is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // The cause (bad tag) carries no detail worth keeping and must not leak key material.
    throw new DecryptionError("secret could not be decrypted (wrong key or tampered data)");
  }
}

/** The key id an envelope was written with, for re-encryption after a rotation. */
export function envelopeKeyId(envelope: string): string | undefined {
  return envelope.split(".")[1];
}

/** "••••abcd": all a person ever sees of a secret again (C3). */
export function secretHint(secret: string): string {
  return secret.slice(-4);
}
