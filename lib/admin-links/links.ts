import "server-only";
// Sign-in links minted by the vendor's ATS (issue 12): POST /api/v1/customers/{id}/admin-links answers a
// link that works once, for ADMIN_LINK_TTL_MINUTES, and signs its person in as that customer's admin —
// creating the account on first use, as an accepted invitation does. Only the sha256 of the token is
// stored; using it is one conditional UPDATE, so two tabs racing can not both sign in.
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
  const user = await db.user.findUnique({
    where: { email },
    select: { role: true, customerId: true, disabledAt: true },
  });
  if (user && (user.role !== "CUSTOMER_ADMIN" || user.customerId !== customerId)) {
    throw new SafeError(
      "conflict",
      "This email belongs to another Onramp account (another customer, or vendor staff).",
      { email: ["Use the email of this customer's admin."] },
    );
  }
  if (user?.disabledAt)
    throw new SafeError("conflict", "This person's account is disabled in Onramp.", {
      email: ["The account is disabled; an operator can enable it."],
    });
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

export const ADMIN_LINK_MESSAGES: Record<Exclude<AdminLinkState, "valid">, string> = {
  used: "This sign-in link was already used. Links work once: open the integrations page from your ATS again to get a new one.",
  expired:
    "This sign-in link has expired. Links work for a few minutes: open the integrations page from your ATS again to get a new one.",
  unknown: "This sign-in link is not valid. Open the integrations page from your ATS again to get a new one.",
};

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
    if (
      existing &&
      (existing.role !== "CUSTOMER_ADMIN" || existing.customerId !== link.customerId || existing.disabledAt)
    )
      return null;
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
