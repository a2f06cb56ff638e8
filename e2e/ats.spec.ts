import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type Receiver, startReceiver } from "../lib/webhooks/test-support/receiver";
import { createApiToken, createCustomer, LOGINS, signIn } from "./helpers";
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
// replay from the console), an endpoint added in the console that resolves One-Click Exports, and sign-in
// links minted by the vendor API (once; used and expired refused).
// 500-then-200 (same webhook-id) and a sender dying mid-delivery are in lib/webhooks/delivery.db.test.ts,
// where the sender's clock and claims can be driven without waiting a day.

test.describe.configure({ mode: "serial" });

let apiToken = "";
let receiver: Receiver;
let endpointId = "";

test.beforeAll(async () => {
  apiToken = await createApiToken("e2e ATS", [
    "events:read",
    "webhooks:manage",
    "admin-links:create",
    "linkedin-tokens:read",
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

test("console: an operator adds an endpoint that resolves One-Click Exports (L17, L18), sees it on the endpoint and turns it off", async ({
  browser,
  baseURL,
}) => {
  const resolving = await startReceiver();
  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, LOGINS.operator);
    await page.goto("/console/webhooks");
    const add = page.getByRole("region", { name: "Add an endpoint" });
    // Issue 20: the e2e run sends to receivers on this machine under the development setting, which every
    // console page announces.
    await expect(page.getByTestId("outbound-private-notice")).toContainText(
      "Outbound requests may reach private addresses (development setting).",
    );
    await add.getByLabel("URL").fill("https://hooks:secret@ats.example.com/hooks");
    await add.getByRole("checkbox", { name: "Resolve One-Click Exports before delivery" }).check();
    await add.getByRole("button", { name: "Add endpoint" }).click();
    await expect(add.getByText("Do not put credentials in the URL; verify the signature instead.")).toBeVisible();
    await add.getByLabel("URL").fill(resolving.url);
    await add.getByRole("checkbox", { name: /^linkedin\.export_candidate_profile:/ }).check();
    await add.getByRole("checkbox", { name: "Resolve One-Click Exports before delivery" }).check();
    await add.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      add.getByText("One-Click Exports are resolved through exportedCandidates before delivery", { exact: false }),
    ).toBeVisible();
    resolving.useSecret(await add.getByTestId("webhook-secret").inputValue());
    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: resolving.url });
    await expect(endpoint.getByTestId("webhook-resolve-exports")).toContainText(
      "One-Click Exports resolved through exportedCandidates",
    );

    // A recruiter's One-Click Export reaches this endpoint with the candidates LinkedIn answered.
    const customer = await anotherCustomer();
    const { tuple } = await requestedIntegration(customer, "PARTNER_READY", "PARTNER_READY");
    await configureCallbackUrl(customer, tuple, `${baseURL}/api/linkedin/callback/${customer.callbackKey}`);
    await sandbox("POST", "/notifications", {
      clientId: customer.clientId,
      type: "EXPORT_CANDIDATE_PROFILE",
      expiresAt: Date.now() + 3_600_000,
    });
    const resolved = await eventually(
      "the resolved export at the console's endpoint",
      async () => resolving.received.find((r) => r.verified && r.body?.customerId === customer.id),
      45_000,
    );
    expect(resolved.body!.type).toBe("linkedin.export_candidate_profile");
    expect(resolved.body!.data.exportedCandidates).toEqual([expect.any(Object)]);

    // Edited: the box unticked, the endpoint says the ATS resolves exports itself.
    await endpoint.getByText("Edit endpoint").click();
    await endpoint.getByRole("checkbox", { name: "Resolve One-Click Exports before delivery" }).uncheck();
    await endpoint.getByRole("button", { name: "Save endpoint" }).click();
    await expect(endpoint.getByText("Endpoint saved. One-Click Exports are relayed as they come")).toBeVisible();
    await expect(endpoint.getByTestId("webhook-resolve-exports")).toContainText("relayed unresolved");
  } finally {
    await sql(`DELETE FROM "WebhookEndpoint" WHERE "url" = $1`, [resolving.url]);
    await resolving.close();
  }
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
