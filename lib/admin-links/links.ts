import "server-only";
// Sign-in links minted by the vendor's ATS (issue 12): POST /api/v1/customers/{id}/admin-links answers a
// link that works once, for ADMIN_LINK_TTL_MINUTES, and signs its person in as that customer's admin —
// creating the account on first use, as an accepted invitation does. Only the sha256 of the token is
// stored; using it is one conditional UPDATE, so two tabs racing can not both sign in. Minting answers the same
// for every email (issue 20 point 8); a link for an email that is someone else's account, or a disabled one, is
// refused when used, with an audit entry saying why.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";

export function adminLinkUrl(token: string): string {
  return `${env().PUBLIC_URL}/admin-link/${encodeURIComponent(token)}`;
}

export async function createAdminLink(
  actor: AuditActor,
  customerId: string,
  email: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { archivedAt: true } });
  if (!customer) throw new SafeError("not_found", "No such customer.");
  if (customer.archivedAt) throw new SafeError("conflict", "This customer is archived; nobody can sign in for it.");
  // Whether the email already has an account (another customer's, staff, disabled) is NOT looked at here: the
  // answer would tell the token holder who has an account (issue 20 point 8). Using the link refuses such an email
  // (signInWithAdminLink) and records why for support.
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + env().ADMIN_LINK_TTL_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    const link = await tx.adminSignInLink.create({
      data: {
        tokenHash: sha256Hex(token),
        customerId,
        email,
        expiresAt,
        createdByTokenId: "apiTokenId" in actor ? actor.apiTokenId : null,
      },
      select: { id: true },
    });
    await recordAudit(
      actor,
      {
        action: "admin_link.created",
        targetType: "AdminSignInLink",
        targetId: link.id,
        customerId,
        details: { email, expiresAt: expiresAt.toISOString() },
      },
      tx,
    );
  });
  return { url: adminLinkUrl(token), expiresAt: expiresAt.toISOString() };
}

export type AdminLinkState = "valid" | "used" | "expired" | "unknown";

/** The customer a link signs in to, for its page's language and look (issue 25); null for an unknown token. */
export async function adminLinkCustomerId(token: string): Promise<string | null> {
  const link = await db.adminSignInLink.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { customerId: true },
  });
  return link?.customerId ?? null;
}

/** What the link page says before trying it. */
export async function adminLinkState(token: string, now = new Date()): Promise<AdminLinkState> {
  const link = await db.adminSignInLink.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { usedAt: true, expiresAt: true, customer: { select: { archivedAt: true } } },
  });
  // A link of an archived customer signs nobody in (issue 20 item 5): say so before trying.
  if (!link || link.customer.archivedAt) return "unknown";
  if (link.usedAt) return "used";
  return link.expiresAt <= now ? "expired" : "valid";
}

/**
 * A link minted with an API token works only while that token does (issue 20 item 5): revoking it, or disabling
 * the person who created it (which revokes their tokens), ends the links it minted that are not used yet.
 */
async function minterStillActive(tx: Prisma.TransactionClient, tokenId: string | null): Promise<boolean> {
  if (!tokenId) return true;
  const minter = await tx.apiToken.findUnique({
    where: { id: tokenId },
    select: { revokedAt: true, createdBy: { select: { disabledAt: true } } },
  });
  return minter !== null && !minter.revokedAt && !minter.createdBy?.disabledAt;
}

export type LinkUser = { id: string; email: string; role: "CUSTOMER_ADMIN"; customerId: string };

type ExistingUser = { role: string; customerId: string | null; disabledAt: Date | null } | null;

/** Why a link for an email that already has an account must not sign in; null when it may. */
function linkRefusal(existing: ExistingUser, customerId: string): "another_account" | "disabled" | null {
  if (!existing) return null;
  if (existing.role !== "CUSTOMER_ADMIN" || existing.customerId !== customerId) return "another_account";
  return existing.disabledAt ? "disabled" : null;
}

/** Uses the link (once) and answers the user to sign in; null when it is used, expired or unknown. */
export async function signInWithAdminLink(token: unknown, now = new Date()): Promise<LinkUser | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  return db.$transaction(async (tx) => {
    const used = await tx.adminSignInLink.updateManyAndReturn({
      where: { tokenHash: sha256Hex(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: {
        id: true,
        email: true,
        customerId: true,
        createdByTokenId: true,
        customer: { select: { archivedAt: true } },
      },
    });
    const link = used[0];
    if (!link || link.customer.archivedAt || !(await minterStillActive(tx, link.createdByTokenId))) return null;
    const existing = await tx.user.findUnique({ where: { email: link.email } });
    const refusal = linkRefusal(existing, link.customerId);
    if (refusal) {
      const entry = { action: "admin_link.refused", targetType: "AdminSignInLink", targetId: link.id };
      await recordAudit({ system: "admin-link" }, { ...entry, customerId: link.customerId, details: { refusal } }, tx);
      return null;
    }
    const user =
      existing ??
      (await tx.user.create({ data: { email: link.email, role: "CUSTOMER_ADMIN", customerId: link.customerId } }));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(
      { system: "admin-link" },
      {
        action: existing ? "admin_link.used" : "admin_link.used_account_created",
        targetType: "User",
        targetId: user.id,
        customerId: link.customerId,
        details: { linkId: link.id },
      },
      tx,
    );
    return { id: user.id, email: user.email, role: "CUSTOMER_ADMIN" as const, customerId: link.customerId };
  });
}
