import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/enums";
// Invitations (issue #6): a single-use link that expires. Only the sha256 of the token is stored; the
// link is shown once to the operator who created it. Accepting sets the invitee's password.
import type { Prisma } from "@/lib/db/generated/client";
import { queueInvitationEmail } from "@/lib/email/invitation-email";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import type { InvitationCreateInput } from "./schemas";

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationUrl(token: string): string {
  return `${env().PUBLIC_URL}/invite/${encodeURIComponent(token)}`;
}

export type CreatedInvitation = { id: string; url: string; token: string; expiresAt: Date; email: string };

export async function createInvitation(
  actor: Actor,
  input: InvitationCreateInput,
  now = new Date(),
): Promise<CreatedInvitation> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new SafeError("conflict", "This person already has an account.", {
      email: ["Someone with this email already has an account. Enable it on this page if it is disabled."],
    });
  }
  let customerName: string | null = null;
  if (input.customerId) {
    const customer = await db.customer.findUnique({
      where: { id: input.customerId },
      select: { archivedAt: true, displayName: true },
    });
    if (!customer)
      throw new SafeError("unprocessable", "Choose an existing customer.", { customerId: ["No such customer."] });
    if (customer.archivedAt)
      throw new SafeError("unprocessable", "This customer is archived.", {
        customerId: ["This customer is archived."],
      });
    customerName = customer.displayName;
  }
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const created = await db.$transaction(async (tx) => {
    // One live link per email: an earlier one stops working when a new one is sent.
    await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const inv = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        customerId: input.customerId,
        tokenHash: sha256Hex(token),
        expiresAt,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(
      actor,
      {
        action: "invitation.created",
        targetType: "Invitation",
        targetId: inv.id,
        customerId: input.customerId,
        details: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
      },
      tx,
    );
    // Delivered by email too (issue 14); the operator still sees the link once.
    const link = invitationUrl(token);
    await queueInvitationEmail(tx, {
      ...input,
      id: inv.id,
      customerId: input.customerId ?? null,
      customerName,
      expiresAt,
      link,
    });
    return inv;
  });
  return { id: created.id, url: invitationUrl(token), token, expiresAt, email: input.email };
}

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "unknown";

export type InvitationView = {
  state: InvitationState;
  email?: string;
  role?: Role;
  customerName?: string | null;
  /** The invitation's customer, for the page's language and look (issue 25). */
  customerId?: string | null;
};

/** What the invitation page shows for a token, without using it. */
export async function viewInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      ...STATE_FIELDS,
      email: true,
      role: true,
      customerId: true,
      customer: { select: { displayName: true, archivedAt: true } },
    },
  });
  if (!inv) return { state: "unknown" };
  return {
    state: stateOf(inv, now),
    email: inv.email,
    role: inv.role,
    customerName: inv.customer?.displayName ?? null,
    customerId: inv.customerId,
  };
}

const STATE_FIELDS = {
  acceptedAt: true,
  revokedAt: true,
  expiresAt: true,
  createdBy: { select: { disabledAt: true } },
  customer: { select: { archivedAt: true } },
} as const;

/**
 * An invitation from a person who has since been disabled is withdrawn (issue 11 item 6): disabling revokes their
 * pending invitations, and this covers one sent before that rule existed. So is one to an archived customer
 * (issue 20 item 5): archiving ends every way in for its admins, invitations included.
 */
function stateOf(
  inv: {
    acceptedAt: Date | null;
    revokedAt: Date | null;
    expiresAt: Date;
    createdBy: { disabledAt: Date | null } | null;
    customer: { archivedAt: Date | null } | null;
  },
  now: Date,
): InvitationState {
  if (inv.acceptedAt) return "used";
  if (inv.revokedAt || inv.createdBy?.disabledAt || inv.customer?.archivedAt) return "revoked";
  return inv.expiresAt <= now ? "expired" : "valid";
}

async function invitationState(
  client: Prisma.TransactionClient,
  tokenHash: string,
  now: Date,
): Promise<InvitationState> {
  const inv = await client.invitation.findUnique({ where: { tokenHash }, select: STATE_FIELDS });
  return inv ? stateOf(inv, now) : "unknown";
}

/** The refusal's catalogue key under "Answers" (issue 25 point 1); REFUSALS keeps the English. */
const REFUSAL_KEYS: Record<Exclude<InvitationState, "valid">, string> = {
  unknown: "invitationUnknown",
  used: "invitationUsed",
  revoked: "invitationRevoked",
  expired: "invitationExpired",
};

const REFUSALS: Record<Exclude<InvitationState, "valid">, string> = {
  unknown: "This invitation link is not valid. Ask your operator for a new one.",
  used: "This invitation has already been used. Sign in, or ask your operator for a new invitation.",
  revoked: "This invitation was withdrawn (a newer one may have been sent). Ask your operator for a new one.",
  expired: "This invitation has expired. Ask your operator for a new one.",
};

const refused = (state: Exclude<InvitationState, "valid">) =>
  new SafeError("conflict", REFUSALS[state], undefined, { notice: { key: REFUSAL_KEYS[state] } });

/**
 * Uses the invitation: creates the account with the chosen password. Single use even under concurrent
 * requests: the acceptance is a conditional update, and only the request that made it creates the user.
 */
export async function acceptInvitation(
  token: string,
  input: { password: string; name?: string },
  now = new Date(),
): Promise<{ userId: string; email: string; role: Role }> {
  const tokenHash = sha256Hex(token);
  // The link is checked before the password is hashed (argon2 is slow on purpose): a wrong, spent or withdrawn
  // link costs one indexed read, not a hash (issue 11 item 6). The claim below re-checks under the row lock.
  const before = await invitationState(db, tokenHash, now);
  if (before !== "valid") throw refused(before);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) {
      const state = await invitationState(tx, tokenHash, now);
      throw refused(state === "valid" ? "used" : state);
    }
    const inv = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      include: { createdBy: { select: { disabledAt: true } }, customer: { select: { archivedAt: true } } },
    });
    // Its sender was disabled, or its customer archived, after the check above (the throw undoes the claim).
    if (inv.createdBy?.disabledAt || inv.customer?.archivedAt) throw refused("revoked");
    if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) {
      throw new SafeError("conflict", "An account with this email already exists. Sign in instead.", undefined, {
        notice: { key: "accountExists" },
      });
    }
    const user = await tx.user.create({
      data: {
        email: inv.email,
        name: input.name?.trim() || null,
        role: inv.role,
        customerId: inv.role === "CUSTOMER_ADMIN" ? inv.customerId : null,
        passwordHash,
      },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(
      { userId: user.id, email: user.email, role: user.role, customerId: inv.customerId },
      {
        action: "invitation.accepted",
        targetType: "Invitation",
        targetId: inv.id,
        customerId: inv.customerId,
        details: { userId: user.id },
      },
      tx,
    );
    return { userId: user.id, email: user.email, role: user.role };
  });
}

export async function revokeInvitation(actor: AuditActor, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!inv) throw new SafeError("not_found", "No such invitation.");
    if (inv.acceptedAt || inv.revokedAt) throw new SafeError("conflict", "This invitation is no longer pending.");
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
    await recordAudit(
      actor,
      {
        action: "invitation.revoked",
        targetType: "Invitation",
        targetId: invitationId,
        customerId: inv.customerId,
        details: { email: inv.email },
      },
      tx,
    );
  });
}

/** Withdraws every pending invitation `userId` sent (their account is being disabled, issue 11 item 6); how many. */
export async function revokeInvitationsSentBy(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<number> {
  const { count } = await tx.invitation.updateMany({
    where: { createdById: userId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  customerName: string | null;
  expiresAt: Date;
  createdAt: Date;
};

export async function listPendingInvitations(now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      customer: { select: { displayName: true } },
    },
  });
  return rows.map(({ customer, ...r }) => ({ ...r, customerName: customer?.displayName ?? null }));
}
