// A real OpenID Connect provider (the npm package oidc-provider) for the end-to-end run (issue 24 point 3): staff sign
// in through it as through a company's identity provider. It runs in the test harness's process (scripts/test.ts), on
// loopback over plain http, with one confidential client for the e2e app's callback and its built-in login pages
// (devInteractions: any login, any password). Who a login is follows its name, so each spec makes its own people:
//   support-<anything>  → groups ["onramp-support"]
//   operator-<anything> → groups ["onramp-operators"]
//   anything else       → groups ["marketing"] (no Onramp role)
// Email <login>@corp.test. The claims go into the ID token (conformIdTokenClaims: false), where Onramp reads them.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import Provider, { type Configuration, type JWK } from "oidc-provider";

export const STAFF_OIDC_GROUPS = { support: "onramp-support", operator: "onramp-operators" } as const;

export type RunningOidcProvider = { issuer: string; env: Record<string, string>; close(): Promise<void> };

function groupsOf(login: string): string[] {
  if (login.startsWith("support-")) return [STAFF_OIDC_GROUPS.support];
  if (login.startsWith("operator-")) return [STAFF_OIDC_GROUPS.operator];
  return ["marketing"];
}

function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" };
}

/** Starts the provider on `port` for the Onramp at `appUrl`; `env` is what points Onramp at it. */
export async function startOidcProvider(opts: { port: number; appUrl: string }): Promise<RunningOidcProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const client = { id: "onramp-e2e", secret: randomBytes(24).toString("base64url") };
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [`${opts.appUrl}/api/auth/callback/staff-oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // Set, so it does not print a notice per kind; the run is shorter than any. Its three start-up warnings (Node 20,
    // in-memory adapter, devInteractions) have no switch: they are what a test provider is.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    // A first-party client: no consent page, the grant covers what Onramp asks for.
    loadExistingGrant: async (ctx) => {
      const { client: asking, session, params } = ctx.oidc;
      if (!asking || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: asking.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, login) => ({
      accountId: login,
      claims: () => ({
        sub: login,
        email: `${login}@corp.test`,
        email_verified: true,
        name: login,
        groups: groupsOf(login),
      }),
    }),
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    env: {
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: client.id,
      STAFF_OIDC_CLIENT_SECRET: client.secret,
      STAFF_OIDC_NAME: "Corp SSO",
      STAFF_OIDC_SCOPE: "openid email profile",
      STAFF_OIDC_ROLE_CLAIM: "groups",
      STAFF_OIDC_SUPPORT_VALUES: STAFF_OIDC_GROUPS.support,
      STAFF_OIDC_OPERATOR_VALUES: STAFF_OIDC_GROUPS.operator,
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
