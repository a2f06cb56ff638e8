import "server-only";
// An invitation email is the one email that carries a secret: the single-use link. Onramp stores only
// the token's sha256 on the invitation; the outbox row holds the link AES-256-GCM encrypted, bound to
// its invitation (C3-style), so the sweep can send it and support can resend it.
import type { Prisma } from "@/lib/db/generated/client";
import { encryptSecret } from "@/lib/crypto/secrets";
import { invitationDataSchema } from "./templates/data";

export function invitationLinkContext(data: Prisma.JsonValue): string {
  return `invitation-link:${invitationDataSchema.parse(data).invitationId}`;
}

export function sealInvitationLink(invitationId: string, link: string): string {
  return encryptSecret(link, `invitation-link:${invitationId}`);
}
