import "server-only";
// A customer's LinkedIn access token for the vendor's ATS backend (issue 12): everything after onboarding
// (jobs, candidates) needs it, and only Onramp holds the secret. Answered from the cache, renewed ahead of
// expiry by the token module (a renewal is a counted call, C26/L17); every read is audited. The secret
// never leaves Onramp.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { getApplicationToken } from "@/lib/linkedin";

export type VendorLinkedInToken = { accessToken: string; tokenType: "Bearer"; expiresAt: string };

export async function linkedInTokenForVendor(actor: AuditActor, customerId: string): Promise<VendorLinkedInToken> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { archivedAt: true, application: { select: { id: true, clientId: true, lastAuthError: true } } },
  });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  if (customer.archivedAt)
    throw new SafeError("conflict", "This customer is archived; Onramp no longer hands out its LinkedIn token.");
  const app = customer.application;
  if (!app)
    throw new SafeError(
      "conflict",
      "This customer has no LinkedIn application in Onramp yet. Provision it or enter its keys first.",
    );
  const accessToken = await getApplicationToken({ id: app.id, clientId: app.clientId });
  const row = await db.customerApplication.findUniqueOrThrow({
    where: { id: app.id },
    select: { accessTokenExpiresAt: true },
  });
  if (!row.accessTokenExpiresAt)
    throw new SafeError("unavailable", "Onramp could not record the token's expiry. Try again.");
  await recordAudit(actor, {
    action: "linkedin_token.read",
    targetType: "CustomerApplication",
    targetId: app.id,
    customerId,
    details: { clientId: app.clientId, expiresAt: row.accessTokenExpiresAt.toISOString() },
  });
  return { accessToken, tokenType: "Bearer", expiresAt: row.accessTokenExpiresAt.toISOString() };
}
