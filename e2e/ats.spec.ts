import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type Receiver, startReceiver } from "../lib/webhooks/test-support/receiver";
import { createCustomer, LOGINS, signIn } from "./helpers";
import {
  anotherCustomer,
  closeDb,
  configureCallbackUrl,
  eventually,
  requestedIntegration,
  sandbox,
  sql,
} from "./notifications-support";

// Issue 12 against the running production build: events reach a local receiver that verifies each
// signature with standardwebhooks' own verifier (a sandbox ENABLED move, an EXPORT_CANDIDATE_PROFILE push,
// replay from the console), and sign-in links minted by the vendor API (once; used and expired refused).
// 500-then-200 (same webhook-id) and a sender dying mid-delivery are in lib/webhooks/webhooks.db.test.ts,
// where the sender's clock and claims can be driven without waiting a day.

test.describe.configure({ mode: "serial" });

let apiToken = "";
let receiver: Receiver;
let endpointId = "";

test.beforeAll(async () => {
  apiToken = `onr_${randomBytes(32).toString("base64url")}`;
  await sql(`INSERT INTO "ApiToken" ("id", "name", "tokenHash", "prefix", "scopes") VALUES ($1, $2, $3, $4, $5)`, [
    `e2e-ats-${randomUUID()}`,
    "e2e ATS",
    createHash("sha256").update(apiToken, "utf8").digest("hex"),
    apiToken.slice(0, 8),
    ["events:read", "webhooks:manage", "admin-links:create", "linkedin-tokens:read"],
  ]);
  receiver = await startReceiver();
});
test.afterAll(async ({ request }) => {
  if (endpointId) await request.delete(`/api/v1/webhook-endpoints/${endpointId}`, { headers: auth() });
  await receiver?.close();
  await closeDb();
});

const auth = () => ({ authorization: `Bearer ${apiToken}` });

async function mintLink(request: APIRequestContext, customerId: string, email: string): Promise<string> {
  const res = await request.post(`/api/v1/customers/${customerId}/admin-links`, { headers: auth(), data: { email } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

const forCustomer = (customerId: string, type: string) => () =>
  Promise.resolve(
    receiver.received.find((r) => r.verified && r.body?.customerId === customerId && r.body.type === type),
  );

test("webhooks: a sandbox ENABLED move and an EXPORT_CANDIDATE_PROFILE push arrive signed; support replays one from the console", async ({
  request,
  baseURL,
  browser,
}) => {
  const created = await request.post("/api/v1/webhook-endpoints", { headers: auth(), data: { url: receiver.url } });
  expect(created.status()).toBe(201);
  const { endpoint, secret } = (await created.json()) as { endpoint: { id: string }; secret: string };
  endpointId = endpoint.id;
  receiver.useSecret(secret);

  const customer = await anotherCustomer();
  const { tuple } = await requestedIntegration(customer, "PARTNER_READY", "PARTNER_READY");
  await configureCallbackUrl(customer, tuple, `${baseURL}/api/linkedin/callback/${customer.callbackKey}`);
  await sandbox("POST", "/integrations/move", { clientId: customer.clientId, ...tuple, status: "ENABLED" });
  const enabled = await eventually(
    "integration.enabled at the receiver",
    forCustomer(customer.id, "integration.enabled"),
    45_000,
  );
  expect(enabled.body!.data).toMatchObject({ to: "ENABLED", enabled: true, source: "PUSH" });

  const expiresAt = Date.now() + 3_600_000;
  await sandbox("POST", "/notifications", { clientId: customer.clientId, type: "EXPORT_CANDIDATE_PROFILE", expiresAt });
  const exported = await eventually(
    "the relayed export at the receiver",
    forCustomer(customer.id, "linkedin.export_candidate_profile"),
    45_000,
  );
  expect(exported.body!.data).toMatchObject({
    notification: { type: "EXPORT_CANDIDATE_PROFILE", expiresAt: new Date(expiresAt).toISOString() },
  });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, LOGINS.support);
  await page.goto("/console/webhooks");
  await page
    .getByRole("button", { name: `Replay ${exported.webhookId}` })
    .first()
    .click();
  await expect(page.getByText(`${exported.webhookId} queued again.`)).toBeVisible();
  await eventually(
    "the replay at the receiver",
    async () => receiver.received.filter((r) => r.verified && r.webhookId === exported.webhookId).length >= 2,
    30_000,
  );
});

test("sign-in link: opens the integrations page signed in once; a second use and an expired link are refused", async ({
  request,
  browser,
}) => {
  const customer = await createCustomer("ATS Links");
  const email = `ats-admin-${randomUUID().slice(0, 8)}@ats-links.test`;
  const url = await mintLink(request, customer.id, email);
  const path = new URL(url).pathname;

  const first = await (await browser.newContext()).newPage();
  await first.goto(path);
  await expect(first).toHaveURL(/\/integrations$/);
  await expect(first.getByTestId("signed-in-as")).toContainText(email);

  const second = await (await browser.newContext()).newPage();
  await second.goto(path);
  await expect(second.getByText("This sign-in link was already used.", { exact: false })).toBeVisible();
  await expect(second).toHaveURL(path);

  const expired = new URL(await mintLink(request, customer.id, email)).pathname;
  await sql(
    `UPDATE "AdminSignInLink" SET "expiresAt" = now() AT TIME ZONE 'UTC' - interval '1 minute' WHERE "email" = $1 AND "usedAt" IS NULL`,
    [email],
  );
  const third = await (await browser.newContext()).newPage();
  await third.goto(expired);
  await expect(third.getByText("This sign-in link has expired.", { exact: false })).toBeVisible();
});
