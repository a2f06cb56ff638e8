import "server-only";
// The next-auth side of staff sign-in through the company's identity provider (issue 24 point 3): a generic OIDC
// provider (discovery, authorization code with PKCE, state and nonce, claims from the verified ID token), present
// only when STAFF_OIDC_ISSUER is set. The decisions are lib/auth/staff-oidc.ts's; this turns them into next-auth's
// answers: a refusal becomes an error code the sign-in page words (lib/auth/sign-in-messages.ts).
import type { Account, Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { env, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import type { Role } from "./roles";
import { SIGN_IN_UNAVAILABLE } from "./sign-in-messages";
import { staffRoleFromClaims } from "./staff-oidc-claims";
import { type StaffSignIn, staffLinkedTo, staffOidcSignIn } from "./staff-oidc";

/** The provider's id: its callback is <PUBLIC_URL>/api/auth/callback/staff-oidc. */
export const STAFF_OIDC_PROVIDER_ID = "staff-oidc";

/** What the sign-in page shows: the provider's button (null: none configured) and whether staff may use passwords. */
export function staffSignInOptions(e: ServerEnv = env()): {
  provider: { id: string; name: string } | null;
  staffPassword: boolean;
} {
  return {
    provider: e.STAFF_OIDC_ISSUER ? { id: STAFF_OIDC_PROVIDER_ID, name: e.STAFF_OIDC_NAME } : null,
    staffPassword: e.STAFF_PASSWORD_SIGN_IN === "on",
  };
}

const idTokenClaims = z.looseObject({
  iss: z.string().min(1),
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
});

/** The ID token's claims (next-auth hands them over as the profile, openid-client having verified the token). */
function claimsOf(profile: Profile | undefined) {
  const parsed = idTokenClaims.safeParse(profile);
  if (!parsed.success) throw new Error("The identity provider's ID token has no issuer or subject.");
  return parsed.data;
}

export function staffOidcProvider(e: ServerEnv): OAuthConfig<Profile>[] {
  if (!e.STAFF_OIDC_ISSUER) return [];
  return [
    {
      id: STAFF_OIDC_PROVIDER_ID,
      name: e.STAFF_OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.STAFF_OIDC_ISSUER}/.well-known/openid-configuration`,
      clientId: e.STAFF_OIDC_CLIENT_ID,
      clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: e.STAFF_OIDC_SCOPE } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      // next-auth needs a user here; who it is in Onramp is decided in the signIn callback (staffOidcSignIn).
      profile: (profile) => {
        const claims = claimsOf(profile);
        return { id: claims.sub, email: claims.email?.toLowerCase() ?? "", name: claims.name ?? null };
      },
    },
  ];
}

/**
 * next-auth's signIn callback for this provider: true lets the person in; a refusal throws its code, which next-auth
 * sends to the sign-in page (pages.error) as ?error=<code>.
 */
export async function admitStaffOidc(profile: Profile | undefined): Promise<true> {
  let result: StaffSignIn;
  try {
    result = await decideStaffOidc(profile);
  } catch (e) {
    // next-auth puts the thrown message in the address: nothing of a database error goes there.
    logger().error({ err: e }, "staff sign-in through the identity provider could not be checked");
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (result.outcome === "refused") throw new Error(result.code);
  return true;
}

function decideStaffOidc(profile: Profile | undefined): Promise<StaffSignIn> {
  const e = env();
  const claims = claimsOf(profile);
  const role = staffRoleFromClaims(claims, {
    claim: e.STAFF_OIDC_ROLE_CLAIM,
    operatorValues: e.STAFF_OIDC_OPERATOR_VALUES,
    supportValues: e.STAFF_OIDC_SUPPORT_VALUES,
  });
  const identity = {
    issuer: claims.iss,
    subject: claims.sub,
    email: claims.email?.trim().toLowerCase() || null,
    name: claims.name ?? null,
  };
  return staffOidcSignIn(identity, role);
}

/** The session token's fields for a person admitStaffOidc let in: the Onramp person, never the provider's subject. */
export async function staffOidcToken(
  profile: Profile | undefined,
): Promise<{ uid: string; role: Role; customerId: null }> {
  const claims = claimsOf(profile);
  const person = await staffLinkedTo(claims.iss, claims.sub);
  if (!person) throw new Error("The staff member signed in through the identity provider is gone.");
  return { uid: person.id, role: person.role, customerId: null };
}

/** Whether this sign-in came through the identity provider. */
export const viaStaffOidc = (account: Account | null | undefined) => account?.provider === STAFF_OIDC_PROVIDER_ID;
