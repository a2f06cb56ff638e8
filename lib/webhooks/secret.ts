import "server-only";
// Signing secrets of webhook endpoints (issue 12): Standard Webhooks' whsec_ + base64 of 24 random bytes,
// encrypted at rest and bound to their endpoint. Shown once, when created or rotated.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function endpointSecretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}`;
}

export function sealSecret(endpointId: string, secret: string): string {
  return encryptSecret(secret, endpointSecretContext(endpointId));
}

/**
 * The Standard Webhooks headers of one message. The text signed is always Onramp's own event body, never
 * a caller's text. With a previous secret still in its grace period both signatures are sent.
 */
export function signatureHeaders(
  endpoint: { id: string; secretEnc: string; previousSecretEnc: string | null; previousSecretUntil: Date | null },
  msgId: string,
  body: string,
  now: Date,
): Record<string, string> {
  const ctx = endpointSecretContext(endpoint.id);
  const signatures = [new Webhook(decryptSecret(endpoint.secretEnc, ctx)).sign(msgId, now, body)];
  if (endpoint.previousSecretEnc && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
    signatures.push(new Webhook(decryptSecret(endpoint.previousSecretEnc, ctx)).sign(msgId, now, body));
  }
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
