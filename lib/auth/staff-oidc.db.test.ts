// Issue 24 point 3: who an OIDC sign-in is (issuer + subject, never the email alone), its role re-read from the
// provider at every sign-in, a person disabled in Onramp refused whatever the provider says, a customer admin's
// email never taken over, and the guard treating a provider-made staff member like any other.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { setProcessEnv } from "@/lib/env";
import { createCustomerRow } from "@/lib/customers/test-support/customer-row";
import { runAsRequest, sessionCookie } from "@/test/authorization/session";
import { currentActor } from "./actor";
import { authenticate, authOptions } from "./options";
import { hashPassword } from "./password";
import { staffOidcSignIn } from "./staff-oidc";

vi.mock("next/headers", async () => ({ ...(await import("@/test/authorization/session")).requestHeaders }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));

afterAll(disconnectDb);

const ISSUER = "https://idp.example.test";
const PASSWORD = "correct horse battery staple";
const identity = (email: string | null = `oidc-${randomUUID()}@corp.test`) => ({
  issuer: ISSUER,
  subject: `sub-${randomUUID()}`,
  email,
  name: "Ada",
});
const person = (subject: string) =>
  db.user.findUniqueOrThrow({ where: { oidcIssuer_oidcSubject: { oidcIssuer: ISSUER, oidcSubject: subject } } });

describe("staffOidcSignIn", () => {
  it("makes a staff member on first sign-in and follows the provider's role at each next one", async () => {
    const who = identity();
    const first = await staffOidcSignIn(who, "SUPPORT");
    const made = await person(who.subject);
    expect(first).toEqual({ outcome: "signed-in", userId: made.id, role: "SUPPORT" });
    expect(made).toMatchObject({ email: who.email, role: "SUPPORT", customerId: null, passwordHash: null });

    expect(await staffOidcSignIn(who, "OPERATOR")).toEqual({ outcome: "signed-in", userId: made.id, role: "OPERATOR" });
    expect((await person(who.subject)).role).toBe("OPERATOR");
    const audit = await db.auditLog.findMany({ where: { targetId: made.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorLabel, a.action])).toEqual([
      ["system:identity-provider", "user.created"],
      ["system:identity-provider", "user.role_changed"],
    ]);
  });

  it("without a staff group: refused; a linked person's access and API tokens end at once, until a staff group again", async () => {
    const who = identity();
    expect(await staffOidcSignIn(who, null)).toEqual({ outcome: "refused", code: "StaffNoRole" });
    expect(await db.user.count({ where: { email: who.email ?? "" } })).toBe(0); // nobody is made

    await staffOidcSignIn(who, "OPERATOR");
    const staff = await person(who.subject);
    const cookie = await sessionCookie({ id: staff.id, email: staff.email, role: staff.role, customerId: null });
    expect(await runAsRequest({ cookie }, currentActor)).toMatchObject({ userId: staff.id, role: "OPERATOR" });

    const token = await db.apiToken.create({
      data: { name: "ci", tokenHash: `hash-${randomUUID()}`, prefix: "onr_x", scopes: [], createdById: staff.id },
    });

    expect(await staffOidcSignIn(who, null)).toEqual({ outcome: "refused", code: "StaffNoRole" });
    expect((await person(who.subject)).oidcAccessEndedAt).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    expect(await runAsRequest({ cookie }, currentActor)).toBeNull(); // the open session ends on its next request

    expect(await staffOidcSignIn(who, "SUPPORT")).toMatchObject({ outcome: "signed-in", role: "SUPPORT" });
    expect(await runAsRequest({ cookie }, currentActor)).toMatchObject({ userId: staff.id, role: "SUPPORT" });
  });

  it("a person disabled in Onramp stays refused, whatever groups the provider gives", async () => {
    const who = identity();
    await staffOidcSignIn(who, "SUPPORT");
    await db.user.update({ where: { id: (await person(who.subject)).id }, data: { disabledAt: new Date() } });
    expect(await staffOidcSignIn(who, "OPERATOR")).toEqual({ outcome: "refused", code: "StaffRefused" });
    expect((await person(who.subject)).role).toBe("SUPPORT");
  });

  it("never signs in as a customer admin with the same email, nor gives them a staff role", async () => {
    const customer = await createCustomerRow("OIDC collision");
    const email = `admin-${randomUUID()}@corp.test`;
    const admin = await db.user.create({ data: { email, role: "CUSTOMER_ADMIN", customerId: customer.id } });
    expect(await staffOidcSignIn(identity(email), "OPERATOR")).toEqual({ outcome: "refused", code: "StaffRefused" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "CUSTOMER_ADMIN",
      oidcSubject: null,
    });
  });

  it("the database refuses an identity-provider link on a customer admin", async () => {
    const customer = await createCustomerRow("OIDC check");
    const data = { email: `admin-${randomUUID()}@corp.test`, role: "CUSTOMER_ADMIN" as const, customerId: customer.id };
    await expect(db.user.create({ data: { ...data, oidcIssuer: ISSUER, oidcSubject: "x" } })).rejects.toThrow(
      /User_oidc_identity_staff_only_check/,
    );
  });

  it("links a staff member's existing account by email once; an email another identity holds is refused", async () => {
    const email = `staff-${randomUUID()}@corp.test`;
    const existing = await db.user.create({ data: { email, role: "SUPPORT" } });
    const first = identity(email);
    expect(await staffOidcSignIn(first, "SUPPORT")).toEqual({
      outcome: "signed-in",
      userId: existing.id,
      role: "SUPPORT",
    });
    expect((await person(first.subject)).id).toBe(existing.id);

    // The address went to someone else at the company: their new subject does not become the first person.
    expect(await staffOidcSignIn(identity(email), "OPERATOR")).toEqual({ outcome: "refused", code: "StaffRefused" });
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      role: "SUPPORT",
      oidcSubject: first.subject,
    });
  });
});

describe("next-auth's callbacks for the identity provider", () => {
  it("put the Onramp person in the session token, never the provider's subject; a refusal is its code", async () => {
    const { callbacks } = authOptions();
    const who = identity();
    await staffOidcSignIn(who, "SUPPORT");
    const account = { provider: "staff-oidc", type: "oauth" as const, providerAccountId: who.subject };
    const profile = { iss: ISSUER, sub: who.subject, email: who.email ?? "" };
    const token = await callbacks?.jwt?.({
      token: { sub: who.subject },
      user: { id: who.subject, email: "" },
      account,
      profile,
    });
    expect(token).toMatchObject({ uid: (await person(who.subject)).id, role: "SUPPORT", customerId: null });

    // This run's settings grant no group a role: the signIn callback answers the refusal's code.
    const user = { id: who.subject, email: who.email ?? "" };
    const inOtherGroups = { ...profile, groups: ["x"] };
    await expect(callbacks?.signIn?.({ user, account, profile: inOtherGroups })).rejects.toThrow(/^StaffNoRole$/);
  });
});

describe("STAFF_PASSWORD_SIGN_IN=off", () => {
  const oidcOn = {
    STAFF_OIDC_ISSUER: ISSUER,
    STAFF_OIDC_CLIENT_ID: "onramp",
    STAFF_OIDC_CLIENT_SECRET: "secret",
    STAFF_OIDC_SUPPORT_VALUES: "onramp-support",
    STAFF_PASSWORD_SIGN_IN: "off",
  };
  afterEach(() => setProcessEnv(Object.fromEntries(Object.keys(oidcOn).map((k) => [k, undefined]))));

  it("refuses staff passwords (counted like any failure) and keeps customer admins' passwords", async () => {
    const customer = await createCustomerRow("Password off");
    const passwordHash = await hashPassword(PASSWORD);
    const staff = await db.user.create({
      data: { email: `staff-${randomUUID()}@corp.test`, role: "OPERATOR", passwordHash },
    });
    const admin = await db.user.create({
      data: { email: `admin-${randomUUID()}@corp.test`, role: "CUSTOMER_ADMIN", customerId: customer.id, passwordHash },
    });
    const source = `203.0.113.${randomUUID()}`;
    expect((await authenticate({ email: staff.email, password: PASSWORD }, source)).outcome).toBe("signed-in");

    setProcessEnv(oidcOn);
    expect(await authenticate({ email: staff.email, password: PASSWORD }, source)).toEqual({ outcome: "refused" });
    expect((await authenticate({ email: admin.email, password: PASSWORD }, source)).outcome).toBe("signed-in");
  });
});
