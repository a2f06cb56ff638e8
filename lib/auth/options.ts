import "server-only";
// next-auth v4: email + password (Credentials), JWT sessions carrying the user id and role.
// The guard (lib/auth/guard.ts) re-reads the user on every request, so disabling a user or changing
// a role takes effect at once even though the JWT lives on.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { signInWithAdminLink } from "@/lib/admin-links/links";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { accountActive } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { Role } from "./roles";
import { recordSignInFailure, recordSignInSuccess, signInAllowed, signInSource } from "./sign-in-throttle";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; role: Role; customerId: string | null };
  }
  interface User {
    id: string;
    email: string;
    role: Role;
    customerId: string | null;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    customerId?: string | null;
  }
}

/**
 * Email + password sign-in from `source` (the caller's address, signInSource). Only failures are counted
 * (issue 11 item 6, lib/auth/sign-in-throttle.ts); every refusal, throttled or not, verifies one argon2 hash so
 * timing tells neither whether the email exists nor whether the throttle answered.
 */
export async function authenticate(raw: unknown, source: string) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await signInAllowed(email, source))) {
    await verifyPassword(await dummyPasswordHash(), password);
    logger().warn({ email, source }, "sign-in throttled after repeated failures");
    return null;
  }
  const user = await db.user.findUnique({ where: { email }, include: { customer: { select: { archivedAt: true } } } });
  const ok = await verifyPassword(user?.passwordHash || (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !ok || !accountActive(user)) {
    await recordSignInFailure(email, source);
    return null;
  }
  await recordSignInSuccess(email, source);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, role: user.role, customerId: user.customerId };
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
        authorize: (credentials, req) => authenticate(credentials, signInSource(req.headers)),
      }),
      // Single-use links minted by the vendor's ATS (issue 12, lib/admin-links).
      CredentialsProvider({
        id: "admin-link",
        name: "Sign-in link",
        credentials: { token: { label: "Link token", type: "text" } },
        authorize: (credentials) => signInWithAdminLink(credentials?.token),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.customerId = user.customerId;
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
