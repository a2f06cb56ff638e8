import "server-only";
import { lockInTransaction } from "@/lib/db/advisory-lock";
import { revokeApiTokensCreatedBy } from "@/lib/api-tokens/tokens";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { anyFieldContains } from "@/lib/db/text-search";
import type { Role } from "@/lib/db/enums";
// People with accounts (issue #6): listed for operators, disabled at once (the guard re-reads the user
// on every request, lib/auth/actor.ts, so a disabled user's next request is refused; their tokens and
// pending invitations are revoked with it, issue 11 item 6).
import type { Prisma } from "@/lib/db/generated/client";
import { SafeError } from "@/lib/errors/safe-error";
import { DEFAULT_PAGE_SIZE, mapRows, type Page, pagedRows } from "@/lib/pagination/page";
import { revokeInvitationsSentBy } from "./invitations";

export type PersonListItem = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  customerId: string | null;
  customerName: string | null;
  disabledAt: Date | null;
  /** The identity provider said this person has no staff group (issue 24, lib/auth/staff-oidc.ts). */
  oidcAccessEndedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function listPeople(q: { search?: string; role?: Role; page?: number }): Promise<Page<PersonListItem>> {
  const page = Math.max(q.page ?? 1, 1);
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...anyFieldContains(q.search, (text) => [{ email: text }, { name: text }, { customer: { displayName: text } }]),
  };
  const found = await pagedRows(page, DEFAULT_PAGE_SIZE, ({ limit, offset }) => [
    db.user.findMany({
      where,
      orderBy: [{ email: "asc" }],
      skip: offset,
      take: limit,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        customerId: true,
        disabledAt: true,
        oidcAccessEndedAt: true,
        lastSignInAt: true,
        createdAt: true,
        customer: { select: { displayName: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return mapRows(found, ({ customer, ...u }) => ({ ...u, customerName: customer?.displayName ?? null }));
}

/**
 * Operators' count is checked and changed under one transaction-scoped advisory lock, so two operators disabling each
 * other at the same moment (on any instance) are serialised and the second sees the first's change: at least one
 * active operator always remains (issue 11 item 6).
 */
const OPERATOR_COUNT_LOCK = "onramp:active-operators";

/**
 * Disables (or enables) a person. Disabling ends all their access at once (issue 11 item 6): their sessions (the guard
 * reads disabledAt on every request, lib/auth/actor.ts), the API tokens they created and the invitations they sent that
 * are still pending, all in the same transaction and audited.
 */
export async function setUserDisabled(
  actor: Actor,
  userId: string,
  disabled: boolean,
  now = new Date(),
): Promise<{ email: string; revokedTokens: number; revokedInvitations: number }> {
  if (disabled && userId === actor.userId) {
    throw new SafeError("conflict", "You can not disable your own account: ask another operator.");
  }
  return db.$transaction(async (tx) => {
    await lockInTransaction(tx, OPERATOR_COUNT_LOCK);
    // The actor may have been disabled while this request waited for the lock (two operators disabling each other).
    const self = await tx.user.findUnique({ where: { id: actor.userId }, select: { disabledAt: true } });
    if (!self || self.disabledAt) throw new SafeError("forbidden", "Your account has been disabled.");
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, role: true, customerId: true, disabledAt: true },
    });
    if (!user) throw new SafeError("not_found", "No such person.");
    if (disabled && user.role === "OPERATOR" && !user.disabledAt) {
      const activeOperators = await tx.user.count({ where: { role: "OPERATOR", disabledAt: null } });
      if (activeOperators <= 1)
        throw new SafeError("conflict", "This is the last active operator; invite another before disabling it.");
    }
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (user.disabledAt ?? now) : null },
    });
    const revokedTokens = disabled ? await revokeApiTokensCreatedBy(tx, userId, now) : 0;
    const revokedInvitations = disabled ? await revokeInvitationsSentBy(tx, userId, now) : 0;
    await recordAudit(
      actor,
      {
        action: disabled ? "user.disabled" : "user.enabled",
        targetType: "User",
        targetId: userId,
        customerId: user.customerId,
        details: {
          email: user.email,
          role: user.role,
          ...(disabled ? { revokedApiTokens: revokedTokens, revokedInvitations } : {}),
        },
      },
      tx,
    );
    return { email: user.email, revokedTokens, revokedInvitations };
  });
}
