import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { type Browser, expect, type Page } from "@playwright/test";
import { sealEnvelope } from "../lib/crypto/envelope";
import { e2eEnv, e2eSql } from "./env";

export const DEMO_PASSWORD = "onramp-demo-password";
/** The seeded staff (lib/seed/demo.ts). Customers and their admins are made per spec: createCustomer. */
export const LOGINS = {
  operator: "operator@onramp.test",
  support: "support@onramp.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

/** A spec's own customer: its LinkedIn application (known to Onramp and to the sandbox) and its admin. */
export type E2eCustomer = {
  id: string;
  name: string;
  foreignId: string;
  callbackKey: string;
  clientId: string;
  clientSecret: string;
  /** Signs in with DEMO_PASSWORD. */
  adminEmail: string;
};

/** Onramp's own envelope (lib/crypto/envelope.ts), so the app can read a secret a spec stores (C3). */
function encryptLikeOnramp(plaintext: string, context: string): string {
  const { ONRAMP_ENCRYPTION_KEY, ONRAMP_ENCRYPTION_KEY_ID } = e2eEnv();
  return sealEnvelope(plaintext, context, ONRAMP_ENCRYPTION_KEY_ID, Buffer.from(ONRAMP_ENCRYPTION_KEY, "base64"));
}

/**
 * The customer admin authorizes the RSC company bundle for `orgId` in LinkedIn's plugin (the sandbox records the
 * authorization for the customer's application, C7) in a browser context of its own; Onramp stores the three
 * tuples (L12) once LinkedIn confirms them (C19b).
 */
export async function authorizeCompanyBundle(browser: Browser, email: string, orgId: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, email);
    const widget = page.getByTestId("linkedin-widget");
    await widget.getByLabel("Organization id for RECRUITER_SYSTEM_CONNECT_COMPANY").fill(orgId);
    await widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" }).click();
    await expect(page.getByTestId("widget-result")).toContainText("Stored 3 integrations");
  } finally {
    await context.close();
  }
}

/**
 * A customer of the calling spec's own, so no spec waits behind or counts another's rows (issue 11 item 8): each
 * application has its own paced slot at LinkedIn (C13, C30), so specs in parallel never share one. Its keys are
 * entered as an operator enters existing keys (C1, MANUAL) and registered with the sandbox through its admin API.
 */
export async function createCustomer(
  label = "E2E",
  offeredIntegrationTypes: string[] = ["RECRUITER_SYSTEM_CONNECT_COMPANY", "RECRUITER_SYSTEM_CONNECT_CONTRACT"],
): Promise<E2eCustomer> {
  const run = randomUUID();
  const short = run.slice(0, 8);
  const c: E2eCustomer = {
    id: `e2e-cust-${run}`,
    name: `${label} ${short}`,
    foreignId: `e2e-${run}`,
    callbackKey: randomBytes(32).toString("base64url"),
    clientId: `e2e-client-${run}`,
    clientSecret: `e2e-secret-${run}`,
    adminEmail: `admin-${short}@${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`,
  };
  const appId = `e2e-app-${run}`;
  await e2eSql(
    `INSERT INTO "Customer" ("id", "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [c.id, c.name, c.foreignId, offeredIntegrationTypes, c.callbackKey],
  );
  await e2eSql(
    `INSERT INTO "CustomerApplication" ("id", "customerId", "clientId", "clientSecretEnc", "clientSecretHint", "origin", "updatedAt") VALUES ($1, $2, $3, $4, '••••', 'MANUAL', now())`,
    [appId, c.id, c.clientId, encryptLikeOnramp(c.clientSecret, `customer-app-secret:${appId}`)],
  );
  await e2eSql(
    `INSERT INTO "User" (id, email, role, "customerId", "passwordHash", "updatedAt") VALUES ($1, $2, 'CUSTOMER_ADMIN', $3, $4, now())`,
    [`e2e-user-${run}`, c.adminEmail, c.id, await hash(DEMO_PASSWORD)],
  );
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/applications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId: c.clientId, clientSecret: c.clientSecret }),
  });
  if (!res.ok) throw new Error(`sandbox POST /applications answered ${res.status}: ${await res.text()}`);
  return c;
}

/** A vendor API token with `scopes`, stored as Onramp stores one (its sha256); answers the bearer token. */
export async function createApiToken(name: string, scopes: string[]): Promise<string> {
  const token = `onr_${randomBytes(32).toString("base64url")}`;
  await e2eSql(`INSERT INTO "ApiToken" ("id", "name", "tokenHash", "prefix", "scopes") VALUES ($1, $2, $3, $4, $5)`, [
    `e2e-token-${randomUUID()}`,
    name,
    createHash("sha256").update(token, "utf8").digest("hex"),
    token.slice(0, 8),
    scopes,
  ]);
  return token;
}
