import "server-only";
// next-auth v4: email + password (Credentials), sign-in links, and for staff the company's identity provider (OIDC,
// lib/auth/staff-oidc-provider.ts); JWT sessions carrying the user id and role.
// The guard (lib/auth/guard.ts) re-reads the user on every request, so disabling a user or changing
// a role takes effect at once even though the JWT lives on.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { signInWithAdminLink } from "@/lib/admin-links/links";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { clientAddress } from "@/lib/http/request-source";
import { logger } from "@/lib/log/logger";
import { accountActive } from "./account-active";
import { dummyPasswordHash, verifyPassword } from "./password";
import { Role } from "./roles";
import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "./sign-in-messages";
import { reserveSignInAttempt, signInSucceeded } from "./sign-in-throttle";
import { admitStaffOidc, staffOidcProvider, staffOidcToken, viaStaffOidc } from "./staff-oidc-provider";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; role: Role; customerId: string | null };
  }
  // role and customerId: absent from the identity provider's profile, whose Onramp person the jwt callback reads.
  interface User {
    id: string;
    email: string;
    role?: Role;
    customerId?: string | null;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    customerId?: string | null;
  }
}

export type SignInResult =
  | { outcome: "signed-in"; user: { id: string; email: string; role: Role; customerId: string | null } }
  | { outcome: "refused" }
  | { outcome: "throttled"; retryAt: Date };

/**
 * Email + password sign-in from `source` (the client's address, lib/http/request-source.ts). The attempt is counted
 * before the password is checked (lib/auth/sign-in-throttle.ts); a throttled attempt checks no password at all (its
 * answer says it was throttled, and an attacker's flood costs no argon2 time). Unknown emails are counted and
 * answered exactly like known ones, and verify one argon2 hash like a wrong password does.
 */
export async function authenticate(raw: unknown, source: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { outcome: "refused" };
  const { email, password } = parsed.data;
  const gate = await reserveSignInAttempt(email, source);
  if (!gate.allowed) {
    logger().warn({ email, source }, "sign-in throttled after repeated failures");
    return { outcome: "throttled", retryAt: gate.retryAt };
  }
  const user = await db.user.findUnique({ where: { email }, include: { customer: { select: { archivedAt: true } } } });
  const ok = await verifyPassword(user?.passwordHash || (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !ok || !accountActive(user)) return { outcome: "refused" }; // the reservation stays: a failure
  // STAFF_PASSWORD_SIGN_IN=off (issue 24): staff sign in through the identity provider only; a refusal like any other.
  if (user.role !== Role.CUSTOMER_ADMIN && env().STAFF_PASSWORD_SIGN_IN === "off") return { outcome: "refused" };
  await signInSucceeded(gate.reservation, user.id);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    outcome: "signed-in",
    user: { id: user.id, email: user.email, role: user.role, customerId: user.customerId },
  };
}

/**
 * next-auth's side of authenticate: a refusal is null, a throttled attempt an error whose message is the code the
 * form shows a message for. next-auth puts a thrown error's message into the answer's URL, so any other failure
 * (the database away) is logged here and answered with a code that tells nothing.
 */
async function authorizePassword(credentials: unknown, headers: Record<string, string | undefined> | undefined) {
  let result: SignInResult;
  try {
    result = await authenticate(credentials, clientAddress(headers));
  } catch (e) {
    logger().error({ err: e }, "sign-in could not be checked");
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (result.outcome !== "signed-in") metrics().signInFailures.inc({ reason: result.outcome });
  if (result.outcome === "throttled") throw new Error(SIGN_IN_THROTTLED);
  return result.outcome === "signed-in" ? result.user : null;
}

/**
 * Embedded mode (issue 12): when EMBED_ALLOWED_ORIGINS lets the vendor's ATS frame /integrations, the
 * session cookies must travel inside that frame: SameSite=None, Secure (so https only), and partitioned
 * (CHIPS) so browsers that block third-party cookies still keep them, per top-level site.
 */
function frameCookies(): NextAuthOptions["cookies"] {
  if (env().EMBED_ALLOWED_ORIGINS.length === 0) return undefined;
  const options = { httpOnly: true, sameSite: "none" as const, path: "/", secure: true, partitioned: true };
  return {
    sessionToken: { name: "__Secure-next-auth.session-token", options },
    callbackUrl: { name: "__Secure-next-auth.callback-url", options },
    csrfToken: { name: "__Host-next-auth.csrf-token", options },
  };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    cookies: frameCookies(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizePassword(credentials, req.headers),
      }),
      // Single-use links minted by the vendor's ATS (issue 12, lib/admin-links).
      CredentialsProvider({
        id: "admin-link",
        name: "Sign-in link",
        credentials: { token: { label: "Link token", type: "text" } },
        authorize: (credentials) => signInWithAdminLink(credentials?.token),
      }),
      ...staffOidcProvider(env()),
    ],
    callbacks: {
      // The credentials providers decided in authorize; the identity provider's sign-in is decided here.
      signIn: ({ account, profile }) => (viaStaffOidc(account) ? admitStaffOidc(profile) : true),
      async jwt({ token, user, account, profile }) {
        if (viaStaffOidc(account)) return { ...token, ...(await staffOidcToken(profile)) };
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.customerId = user.customerId ?? null;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            email: token.email ?? "",
            role: token.role,
            customerId: token.customerId ?? null,
          };
        }
        return session;
      },
    },
  };
}
