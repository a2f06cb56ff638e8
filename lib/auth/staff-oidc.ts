import "server-only";
// Staff sign-in through the company's identity provider (issue 24 point 3): which Onramp person an OIDC sign-in
// is, and whether it may go on. The person is the provider's (issuer, subject) pair, never the email alone (a
// company may hand a departed person's address to someone else); the role is re-read from the provider's claims at
// every sign-in (lib/auth/staff-oidc-claims.ts), and the guard re-reads the person on every request
// (lib/auth/actor.ts), as for password sign-ins.
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log/logger";
import { Role } from "./roles";
import { STAFF_NO_ROLE, STAFF_REFUSED } from "./sign-in-messages";

export type StaffIdentity = {
  issuer: string;
  subject: string;
  /** Lower-cased; null when the provider sent none. */
  email: string | null;
  name: string | null;
};

export type StaffSignIn =
  | { outcome: "signed-in"; userId: string; role: Role }
  | { outcome: "refused"; code: typeof STAFF_NO_ROLE | typeof STAFF_REFUSED };

const SYSTEM = { system: "identity-provider" } as const;
const refused = (code: typeof STAFF_NO_ROLE | typeof STAFF_REFUSED, why: string, identity: StaffIdentity) => {
  logger().warn(
    { issuer: identity.issuer, subject: identity.subject, email: identity.email, why },
    "staff sign-in refused",
  );
  return { outcome: "refused", code } as const;
};

type Tx = Prisma.TransactionClient;
type Person = { id: string; email: string; role: Role; disabledAt: Date | null; oidcSubject: string | null };
const PERSON = { id: true, email: true, role: true, disabledAt: true, oidcSubject: true } as const;

/**
 * The person an identity is: the one linked to it, else a staff member with its email and no link yet (an existing
 * password account, linked now), else a new staff member. A customer admin's email, or one linked to another
 * identity (the address changed hands), is never taken over: the answer is a refusal.
 */
async function personFor(tx: Tx, identity: StaffIdentity, role: Role): Promise<Person | string> {
  const link = { oidcIssuer: identity.issuer, oidcSubject: identity.subject };
  const linked = await tx.user.findUnique({ where: { oidcIssuer_oidcSubject: link }, select: PERSON });
  if (linked) return linked;
  if (!identity.email) return "the provider sent no email for a person Onramp does not know yet";
  const byEmail = await tx.user.findUnique({ where: { email: identity.email }, select: PERSON });
  if (byEmail?.role === Role.CUSTOMER_ADMIN) return "the email belongs to a customer admin";
  if (byEmail?.oidcSubject) return "the email belongs to a person linked to another identity";
  if (byEmail) return tx.user.update({ where: { id: byEmail.id }, data: link, select: PERSON });
  const created = await tx.user.create({
    data: { ...link, email: identity.email, name: identity.name, role },
    select: PERSON,
  });
  await recordAudit(
    SYSTEM,
    { action: "user.created", targetType: "User", targetId: created.id, details: { email: created.email, role } },
    tx,
  );
  return created;
}

/**
 * The provider says the person left every staff group: as when an operator disables them (lib/people/users.ts), the
 * API tokens they created and the invitations they sent that are still pending end with their access, audited.
 */
async function endAccess(tx: Tx, person: Person, now: Date): Promise<void> {
  // The same rows as revokeApiTokensCreatedBy and revokeInvitationsSentBy, written here: lib/auth imports neither
  // lib/api-tokens nor lib/people (they import lib/auth; docs/ARCHITECTURE.md forbids the cycle).
  const tokens = await tx.apiToken.updateMany({
    where: { createdById: person.id, revokedAt: null },
    data: { revokedAt: now },
  });
  const invitations = await tx.invitation.updateMany({
    where: { createdById: person.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const details = {
    email: person.email,
    role: person.role,
    revokedApiTokens: tokens.count,
    revokedInvitations: invitations.count,
  };
  await recordAudit(SYSTEM, { action: "user.access_ended", targetType: "User", targetId: person.id, details }, tx);
}

/**
 * Decides an OIDC sign-in whose claims grant `role` (null: no staff group). With no staff role, a person linked to
 * the identity loses access at once (their sessions end on the next request) until a sign-in with a staff group.
 * A person disabled in Onramp stays refused whatever the provider says. Otherwise the role follows the provider.
 */
export async function staffOidcSignIn(
  identity: StaffIdentity,
  role: Role | null,
  now = new Date(),
): Promise<StaffSignIn> {
  const decided = await db.$transaction(async (tx): Promise<StaffSignIn | string> => {
    if (!role) {
      const link = { oidcIssuer: identity.issuer, oidcSubject: identity.subject, oidcAccessEndedAt: null };
      const ended = await tx.user.updateManyAndReturn({
        where: link,
        data: { oidcAccessEndedAt: now },
        select: PERSON,
      });
      for (const person of ended) await endAccess(tx, person, now);
      return { outcome: "refused", code: STAFF_NO_ROLE };
    }
    const person = await personFor(tx, identity, role);
    if (typeof person === "string") return person;
    if (person.role === Role.CUSTOMER_ADMIN) return "a customer admin is linked to the identity";
    if (person.disabledAt) return "the person is disabled in Onramp";
    const emailFree =
      identity.email && identity.email !== person.email
        ? !(await tx.user.findUnique({ where: { email: identity.email }, select: { id: true } }))
        : false;
    await tx.user.update({
      where: { id: person.id },
      data: {
        role,
        oidcAccessEndedAt: null,
        lastSignInAt: now,
        ...(emailFree && identity.email ? { email: identity.email } : {}),
      },
    });
    if (person.role !== role)
      await recordAudit(
        SYSTEM,
        {
          action: "user.role_changed",
          targetType: "User",
          targetId: person.id,
          details: { email: person.email, from: person.role, to: role },
        },
        tx,
      );
    return { outcome: "signed-in", userId: person.id, role };
  });
  if (typeof decided === "string") return refused(STAFF_REFUSED, decided, identity);
  if (decided.outcome === "refused") return refused(decided.code, "no staff group in the role claim", identity);
  return decided;
}

/** The staff member an identity is linked to, for the session token right after staffOidcSignIn let them in. */
export async function staffLinkedTo(issuer: string, subject: string): Promise<{ id: string; role: Role } | null> {
  return db.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } },
    select: { id: true, role: true },
  });
}
