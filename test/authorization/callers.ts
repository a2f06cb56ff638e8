// Who knocks in the authorization matrix (issue 20): signed out, a customer admin of the customer a request is
// about ("own admin") and of another customer ("foreign admin"), support, an operator, and vendor API tokens.
// Each run makes its own customers, people and tokens (the database is shared by parallel test files).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { API_SCOPES, type ApiScope } from "@/lib/api-tokens/scopes";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { db } from "@/lib/db/client";
import { sessionCookie } from "./session";

export const PEOPLE = ["own admin", "foreign admin", "support", "operator"] as const;
export type Person = (typeof PEOPLE)[number];
export const ROLE_OF: Record<Person, Role> = {
  "own admin": "CUSTOMER_ADMIN",
  "foreign admin": "CUSTOMER_ADMIN",
  support: "SUPPORT",
  operator: "OPERATOR",
};

export type Fixtures = {
  tag: string;
  /** The customer every request is about ("own"), and another one. */
  customerId: string;
  foreignCustomerId: string;
  integrationId: string;
  notificationId: string;
  importId: string;
  actors: Record<Person, Actor>;
  /** The request headers that carry each person's session. */
  cookies: Record<Person, string>;
  /** A token holding exactly one scope, and one holding every scope but that one. */
  tokenWith: Record<ApiScope, string>;
  tokenWithout: Record<ApiScope, string>;
  tokenWithAll: string;
};

async function customer(tag: string, name: string) {
  return db.customer.create({
    data: {
      displayName: `Matrix ${name} ${tag}`,
      foreignId: `matrix-${name}-${tag}`,
      callbackKey: `matrix-cb-${name}-${tag}`,
      offeredIntegrationTypes: ["RECRUITER_SYSTEM_CONNECT"],
    },
  });
}

async function person(tag: string, who: Person, customerId: string | null): Promise<Actor> {
  const role = ROLE_OF[who];
  const user = await db.user.create({
    data: { email: `matrix-${who.replace(" ", "-")}-${tag}@onramp.test`, role, customerId, passwordHash: "x" },
  });
  return { userId: user.id, email: user.email, role, customerId };
}

export async function makeFixtures(): Promise<Fixtures> {
  const tag = randomUUID().slice(0, 8);
  const own = await customer(tag, "own");
  const foreign = await customer(tag, "foreign");
  const integration = await db.integration.create({
    data: {
      customerId: own.id,
      integrationContext: `urn:li:organization:mx${tag}`,
      integrationType: "RECRUITER_SYSTEM_CONNECT",
      tenantType: "RECRUITER",
      name: "Matrix integration",
    },
  });
  const notification = await db.notification.create({
    data: {
      customerId: own.id,
      linkedinId: randomUUID(),
      type: "INTEGRATION_STATUS_CHANGE",
      rawBody: "{}",
      signatureValid: true,
      processingState: "PROCESSED",
    },
  });
  const keyImport = await db.keyImport.create({ data: { rowCount: 0, triggeredBy: `matrix-${tag}` } });
  const actors: Record<Person, Actor> = {
    "own admin": await person(tag, "own admin", own.id),
    "foreign admin": await person(tag, "foreign admin", foreign.id),
    support: await person(tag, "support", null),
    operator: await person(tag, "operator", null),
  };
  const cookies = {} as Record<Person, string>;
  for (const who of PEOPLE) {
    const a = actors[who];
    cookies[who] = await sessionCookie({ id: a.userId, email: a.email, role: a.role, customerId: a.customerId });
  }
  const token = async (name: string, scopes: ApiScope[]) =>
    (await createApiToken(actors.operator, { name: `matrix ${name} ${tag}`, scopes, expiresInDays: "30" })).token;
  const tokenWith = {} as Record<ApiScope, string>;
  const tokenWithout = {} as Record<ApiScope, string>;
  for (const scope of API_SCOPES) {
    tokenWith[scope] = await token(`only ${scope}`, [scope]);
    tokenWithout[scope] = await token(
      `all but ${scope}`,
      API_SCOPES.filter((s) => s !== scope),
    );
  }
  return {
    tag,
    customerId: own.id,
    foreignCustomerId: foreign.id,
    integrationId: integration.id,
    notificationId: notification.id,
    importId: keyImport.id,
    actors,
    cookies,
    tokenWith,
    tokenWithout,
    tokenWithAll: await token("every scope", [...API_SCOPES]),
  };
}
