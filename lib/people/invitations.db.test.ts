// Invitations (issue #6): single use (also under concurrent accepts), expiring, withdrawn by a newer
// one; disabling a user refuses their next sign-in at once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/options";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { SafeError } from "@/lib/errors/safe-error";
import { acceptInvitation, createInvitation, INVITATION_TTL_MS, revokeInvitation, viewInvitation } from "./invitations";
import { invitationCreateSchema } from "./schemas";
import { setUserDisabled } from "./users";

afterAll(disconnectDb);

// Counts argon2 hashes (the real ones still run) to show a refused link costs none (issue 11 item 6).
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    hashPassword: (password: string) => {
      hashes.count++;
      return real.hashPassword(password);
    },
  };
});

const PASSWORD = "a-long-enough-password";

async function operator(): Promise<Actor> {
  const u = await db.user.create({
    data: { email: `op-${randomUUID()}@onramp.test`, role: "OPERATOR", passwordHash: "x" },
  });
  return { userId: u.id, email: u.email, role: "OPERATOR", customerId: null };
}

async function customer() {
  const id = randomUUID();
  return db.customer.create({
    data: {
      displayName: `Cust ${id}`,
      foreignId: `f-${id}`,
      callbackKey: `cb-${id}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT_COMPANY"],
    },
  });
}

const email = () => `person-${randomUUID()}@example.test`;

async function refusal(p: Promise<unknown>): Promise<SafeError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SafeError);
  return e as SafeError;
}

describe("invitations", () => {
  it("stores only the token's hash, and the link accepts once: the invitee signs in with the chosen password", async () => {
    const actor = await operator();
    const c = await customer();
    const inv = await createInvitation(
      actor,
      invitationCreateSchema.parse({ email: email().toUpperCase(), role: "CUSTOMER_ADMIN", customerId: c.id }),
    );
    expect(inv.url).toContain(`/invite/${inv.token}`);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(sha256Hex(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    expect(row.email).toBe(inv.email.toLowerCase());
    expect((await viewInvitation(inv.token)).state).toBe("valid");

    const user = await acceptInvitation(inv.token, { password: PASSWORD, name: "Ada" });
    expect(user.role).toBe("CUSTOMER_ADMIN");
    const created = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(created.customerId).toBe(c.id);
    expect(await authenticate({ email: inv.email, password: PASSWORD }, "203.0.113.9")).toMatchObject({
      outcome: "signed-in",
      user: { id: user.userId, role: "CUSTOMER_ADMIN", customerId: c.id },
    });

    const again = await refusal(acceptInvitation(inv.token, { password: PASSWORD }));
    expect(again.message).toMatch(/already been used/);
    expect((await viewInvitation(inv.token)).state).toBe("used");
    const audit = await db.auditLog.findMany({ where: { targetId: inv.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["invitation.created", "invitation.accepted"]);
  });

  it("is single-use under concurrent accepts: exactly one account is created", async () => {
    const actor = await operator();
    const inv = await createInvitation(actor, invitationCreateSchema.parse({ email: email(), role: "SUPPORT" }));
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => acceptInvitation(inv.token, { password: PASSWORD })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(1);
  });

  it("expires: after its lifetime the link is refused and creates nothing", async () => {
    const actor = await operator();
    const created = new Date(Date.now() - INVITATION_TTL_MS - 1000);
    const inv = await createInvitation(
      actor,
      invitationCreateSchema.parse({ email: email(), role: "SUPPORT" }),
      created,
    );
    expect((await viewInvitation(inv.token)).state).toBe("expired");
    const e = await refusal(acceptInvitation(inv.token, { password: PASSWORD }));
    expect(e.message).toMatch(/expired/);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(0);
  });

  it("a newer invitation to the same email withdraws the older link; a withdrawn link is refused", async () => {
    const actor = await operator();
    const to = email();
    const first = await createInvitation(actor, invitationCreateSchema.parse({ email: to, role: "SUPPORT" }));
    const second = await createInvitation(actor, invitationCreateSchema.parse({ email: to, role: "OPERATOR" }));
    expect((await refusal(acceptInvitation(first.token, { password: PASSWORD }))).message).toMatch(/withdrawn/);
    await revokeInvitation(actor, second.id);
    expect((await viewInvitation(second.token)).state).toBe("revoked");
    expect((await refusal(acceptInvitation("not-a-token", { password: PASSWORD }))).message).toMatch(/not valid/);
  });

  it("refuses to invite an email that already has an account, and a customer admin without a customer", async () => {
    const actor = await operator();
    const e = await refusal(
      createInvitation(actor, invitationCreateSchema.parse({ email: actor.email, role: "SUPPORT" })),
    );
    expect(e.fieldErrors?.email?.[0]).toMatch(/already has an account/);
    const parsed = invitationCreateSchema.safeParse({ email: email(), role: "CUSTOMER_ADMIN", customerId: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["customerId"]);
    // Staff invitations never carry a customer, whatever the form sent.
    expect(invitationCreateSchema.parse({ email: email(), role: "SUPPORT", customerId: "x" }).customerId).toBeNull();
  });
});

describe("disabling people", () => {
  it("a disabled user can not sign in; enabling restores it; both are audited", async () => {
    const actor = await operator();
    const inv = await createInvitation(actor, invitationCreateSchema.parse({ email: email(), role: "SUPPORT" }));
    const user = await acceptInvitation(inv.token, { password: PASSWORD });
    const signIn = async () => (await authenticate({ email: user.email, password: PASSWORD }, "203.0.113.9")).outcome;
    expect(await signIn()).toBe("signed-in");
    await setUserDisabled(actor, user.userId, true);
    expect(await signIn()).toBe("refused");
    await setUserDisabled(actor, user.userId, false);
    expect(await signIn()).toBe("signed-in");
    const actions = (
      await db.auditLog.findMany({ where: { targetId: user.userId }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["user.disabled", "user.enabled"]);
  });

  it("an operator can not disable themself", async () => {
    const actor = await operator();
    expect((await refusal(setUserDisabled(actor, actor.userId, true))).message).toMatch(/your own account/);
  });

  it("disabling a person withdraws the invitations they sent: a disabled operator can not accept their own OPERATOR invitation", async () => {
    const admin = await operator();
    const leaving = await operator();
    const own = await createInvitation(leaving, invitationCreateSchema.parse({ email: email(), role: "OPERATOR" }));
    const other = await createInvitation(admin, invitationCreateSchema.parse({ email: email(), role: "SUPPORT" }));

    const result = await setUserDisabled(admin, leaving.userId, true);
    expect(result.revokedInvitations).toBe(1);
    expect((await viewInvitation(own.token)).state).toBe("revoked");
    expect((await refusal(acceptInvitation(own.token, { password: PASSWORD }))).message).toMatch(/withdrawn/);
    expect(await db.user.count({ where: { email: own.email } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: leaving.userId, action: "user.disabled" } });
    expect(audit.details).toMatchObject({ revokedInvitations: 1 });
    // Someone else's invitation is untouched.
    await expect(acceptInvitation(other.token, { password: PASSWORD })).resolves.toMatchObject({ role: "SUPPORT" });
  });

  it("an invitation whose sender is disabled is refused even when it was not revoked with them", async () => {
    const admin = await operator();
    const leaving = await operator();
    const inv = await createInvitation(leaving, invitationCreateSchema.parse({ email: email(), role: "OPERATOR" }));
    // As a disabling from before this rule left it: the user disabled, the invitation still pending.
    await db.user.update({ where: { id: leaving.userId }, data: { disabledAt: new Date() } });
    expect((await viewInvitation(inv.token)).state).toBe("revoked");
    expect((await refusal(acceptInvitation(inv.token, { password: PASSWORD }))).message).toMatch(/withdrawn/);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(0);
    expect(admin.role).toBe("OPERATOR");
  });

  it("issue 20 item 5: an invitation to a customer archived since is withdrawn; restoring the customer revives it", async () => {
    const actor = await operator();
    const c = await customer();
    const inv = await createInvitation(
      actor,
      invitationCreateSchema.parse({ email: email(), role: "CUSTOMER_ADMIN", customerId: c.id }),
    );
    await db.customer.update({ where: { id: c.id }, data: { archivedAt: new Date() } });
    expect((await viewInvitation(inv.token)).state).toBe("revoked");
    expect((await refusal(acceptInvitation(inv.token, { password: PASSWORD }))).message).toMatch(/withdrawn/);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(0);
    await db.customer.update({ where: { id: c.id }, data: { archivedAt: null } });
    await expect(acceptInvitation(inv.token, { password: PASSWORD })).resolves.toMatchObject({
      role: "CUSTOMER_ADMIN",
    });
  });

  it("checks the link before hashing the password: a wrong, used or expired link costs no hash", async () => {
    const actor = await operator();
    const inv = await createInvitation(actor, invitationCreateSchema.parse({ email: email(), role: "SUPPORT" }));
    const start = hashes.count;
    expect((await refusal(acceptInvitation("not-a-real-token", { password: PASSWORD }))).message).toMatch(/not valid/);
    const later = new Date(Date.now() + INVITATION_TTL_MS + 60_000);
    expect((await refusal(acceptInvitation(inv.token, { password: PASSWORD }, later))).message).toMatch(/expired/);
    expect(hashes.count).toBe(start);
    await acceptInvitation(inv.token, { password: PASSWORD });
    expect(hashes.count).toBe(start + 1);
    expect((await refusal(acceptInvitation(inv.token, { password: PASSWORD }))).message).toMatch(/already been used/);
    expect(hashes.count).toBe(start + 1);
  });
});
