import { expect, test } from "@playwright/test";
import { type Receiver, startReceiver } from "../lib/webhooks/test-support/receiver";
import { createApiToken, LOGINS, signIn } from "./helpers";
import * as linkedIn from "./notifications-support";

// Issue 23 point 4, L27, against the production build and the sandbox: LinkedIn's answer for a One-Click Export
// names the integration context it belongs to. Pushed to one customer's callback URL but naming another customer's
// organization, it reaches the vendor's endpoint without candidates, and support sees the anomaly.

let receiver: Receiver;
let endpointId = "";
let apiToken = "";
const auth = () => ({ authorization: `Bearer ${apiToken}` });

test.beforeAll(async () => {
  apiToken = await createApiToken("e2e exports", ["webhooks:manage"]);
  receiver = await startReceiver();
});
test.afterAll(async ({ request }) => {
  if (endpointId) await request.delete(`/api/v1/webhook-endpoints/${endpointId}`, { headers: auth() });
  await receiver?.close();
  await linkedIn.closeDb();
});

test("L27: an export naming another customer's integration is not relayed as this customer's; support sees the anomaly", async ({
  request,
  baseURL,
  page,
}) => {
  const created = await request.post("/api/v1/webhook-endpoints", {
    headers: auth(),
    data: { url: receiver.url, eventTypes: ["linkedin.export_candidate_profile"], resolveExports: true },
  });
  expect(created.status()).toBe(201);
  const { endpoint, secret } = (await created.json()) as { endpoint: { id: string }; secret: string };
  endpointId = endpoint.id;
  receiver.useSecret(secret);

  const customer = await linkedIn.anotherCustomer();
  const other = await linkedIn.anotherCustomer();
  const { tuple } = await linkedIn.requestedIntegration(customer, "ENABLED", "PARTNER_READY");
  const { tuple: theirs } = await linkedIn.requestedIntegration(other, "ENABLED", "PARTNER_READY");
  await linkedIn.configureCallbackUrl(customer, tuple, `${baseURL}/api/linkedin/callback/${customer.callbackKey}`);
  await linkedIn.sandbox("POST", "/notifications", {
    clientId: customer.clientId,
    type: "EXPORT_CANDIDATE_PROFILE",
    expiresAt: Date.now() + 3_600_000,
    exportContext: theirs.integrationContext,
  });

  const got = await linkedIn.eventually(
    "the export at the vendor's endpoint",
    async () => receiver.received.find((r) => r.verified && r.body?.customerId === customer.id),
    45_000,
  );
  expect(got.body!.data.exportedCandidates).toBeNull();
  expect(got.body!.data.exportResolutionError).toContain(theirs.integrationContext);
  expect(receiver.received.some((r) => r.body?.customerId === other.id)).toBe(false);

  await signIn(page, LOGINS.support);
  await page.goto("/console/issues");
  await expect(page.locator("#anomalies")).toContainText(theirs.integrationContext);
  await expect(page.locator("#anomalies")).toContainText("not relayed as this customer's candidates");
});
