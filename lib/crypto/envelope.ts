// The AES-256-GCM envelope of secrets at rest (C3): "v1.<keyId>.<iv>.<tag>.<ciphertext>", base64url
// parts, the context bound as associated data. Pure and key-explicit: lib/crypto/secrets.ts supplies the
// configured keys; the end-to-end tests store a customer's secret exactly as Onramp would.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const ENVELOPE_VERSION = "v1";
/** The full GCM tag, pinned when opening: a truncated tag (which GCM would otherwise accept) is refused. */
const AUTH_TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

export function sealEnvelope(plaintext: string, context: string, keyId: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ENVELOPE_VERSION, keyId, iv.toString("base64url"), tag.toString("base64url"), ct.toString("base64url")].join(
    ".",
  );
}

/** The start of every envelope sealed under `keyId`: how a store finds the rows a key rotation still has to do. */
export function envelopeKeyPrefix(keyId: string): string {
  return `${ENVELOPE_VERSION}.${keyId}.`;
}

export function openEnvelope(envelope: string, context: string, keys: ReadonlyMap<string, Buffer>): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION) throw new DecryptionError("not an Onramp secret envelope");
  const [, keyId, iv, tag, ct] = parts as [string, string, string, string, string];
  const key = keys.get(keyId);
  if (!key) throw new DecryptionError(`secret was encrypted with key "${keyId}", which is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
      authTagLength: AUTH_TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // The cause (bad tag) carries no detail worth keeping and must not leak key material.
    throw new DecryptionError("secret could not be decrypted (wrong key or tampered data)");
  }
}
