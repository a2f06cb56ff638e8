// Customer applications as LinkedIn manages them (issue 10), in a real browser against the LinkedIn sandbox: an
// operator provisions a customer and sees its URN and domains (RSC-105, L3/L4); rotates its secret and a push
// signed with the old secret still lands during the overlap (L7); imports a CSV of existing keys with good,
// duplicate and bad rows and sees each row's outcome (C1, L21). Each test makes its own customers.
// The PUBLIC_URL-change flow needs a server restarted with another PUBLIC_URL; it is covered by
// lib/customers/public-origin.db.test.ts (start-up decision) and app-domains.db.test.ts (the job's work).
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { signNotification } from "../lib/notifications/signature";
import { e2eEnv, e2eSql } from "./env";
import { LOGINS, signIn } from "./helpers";

type SandboxApp = {
  clientId: string;
  clientSecret: string;
  previousSecret: string | null;
  urn: string;
  uniqueForeignId: string | null;
  validJsSdkDomains: string[];
};

async function sandboxApps(): Promise<SandboxApp[]> {
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/state`);
  return ((await res.json()) as { applications: SandboxApp[] }).applications;
}

async function registerInSandbox(clientId: string, clientSecret: string): Promise<void> {
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/applications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, clientSecret }),
  });
  expect(res.ok).toBe(true);
}

async function provisionedCustomer(page: Page, label: string): Promise<{ foreignId: string; settingsUrl: string }> {
  const run = randomUUID().slice(0, 8);
  const foreignId = `apps-${label.toLowerCase()}-${run}`;
  await page.goto("/console/customers/new");
  await page.getByLabel("Display name").fill(`${label} ${run}`);
  await page.getByLabel("Customer id in your ATS").fill(foreignId);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/settings\?created=1$/);
  const settingsUrl = page.url().replace(/\?.*$/, "");
  await page.getByRole("button", { name: "Provision application" }).click();
  await expect(page.getByText("Provisioned through LinkedIn")).toBeVisible({ timeout: 30_000 });
  return { foreignId, settingsUrl };
}

test.beforeEach(async ({ page }) => {
  await signIn(page, LOGINS.operator);
});

test("RSC-105: the operator provisions a customer and sees its application URN and JavaScript SDK domains (L3, L4)", async ({
  page,
  baseURL,
}) => {
  const { foreignId } = await provisionedCustomer(page, "Provisioned");
  const atLinkedIn = (await sandboxApps()).find((a) => a.uniqueForeignId === foreignId);
  expect(atLinkedIn).toBeDefined();
  const origin = new URL(baseURL ?? "http://localhost").origin;
  await expect(page.getByTestId("application-urn")).toHaveText(atLinkedIn?.urn ?? "?");
  await expect(page.getByTestId("application-urn")).toHaveText(/^urn:li:developerApplication:\d+$/);
  await expect(page.getByTestId("application-domains")).toContainText(origin);
  expect(atLinkedIn?.validJsSdkDomains).toContain(origin);
});

test("L7: the operator rotates a secret and a push signed with the old secret still lands during the overlap", async ({
  page,
  request,
}) => {
  const { foreignId } = await provisionedCustomer(page, "Rotated");
  const before = (await sandboxApps()).find((a) => a.uniqueForeignId === foreignId);
  const oldSecret = before?.clientSecret ?? "";
  expect(oldSecret).not.toBe("");
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByTestId("rotate-secret-message")).toContainText("LinkedIn rolled a new secret");
  await expect(page.getByTestId("application-secret-age")).toContainText("previous secret accepted until");
  const after = (await sandboxApps()).find((a) => a.uniqueForeignId === foreignId);
  expect(after?.previousSecret).toBe(oldSecret);
  expect(after?.clientSecret).not.toBe(oldSecret);

  const [row] = await e2eSql<{ callbackKey: string }>(`SELECT "callbackKey" FROM "Customer" WHERE "foreignId" = $1`, [
    foreignId,
  ]);
  const push = (secret: string) => {
    const body = JSON.stringify({ id: `rot-${randomUUID()}`, type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
    return request.post(`/api/linkedin/callback/${row?.callbackKey}`, {
      data: Buffer.from(body),
      headers: { "content-type": "application/json", "X-LI-Signature": signNotification(secret, body) },
    });
  };
  expect((await push(oldSecret)).status()).toBe(200);
  expect((await push(after?.clientSecret ?? "")).status()).toBe(200);
  expect((await push("not-a-secret-of-this-application")).status()).toBe(401);
});

test("C1, L21: the operator imports a CSV of existing keys and sees each row's outcome: good, duplicate and bad rows", async ({
  page,
}) => {
  const run = randomUUID().slice(0, 8);
  const good = { clientId: `imp-client-${run}`, clientSecret: `imp-secret-${run}-0123456789` };
  await registerInSandbox(good.clientId, good.clientSecret);
  const csv = [
    "foreignId,displayName,clientId,clientSecret,applicationUrn,offeredIntegrationTypes",
    `imp-good-${run},Imported ${run},${good.clientId},${good.clientSecret},,RECRUITER_SYSTEM_CONNECT_COMPANY`,
    `imp-good-${run},Imported again,other-client-${run},other-secret-${run},,RECRUITER_SYSTEM_CONNECT_COMPANY`,
    `imp-bad-${run},No secret,bad-client-${run},,,RECRUITER_SYSTEM_CONNECT_COMPANY`,
  ].join("\n");

  await page.goto("/console/customers");
  await page.getByRole("link", { name: "Import existing keys" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: `keys-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and check with LinkedIn" }).click();
  await expect(page).toHaveURL(/\/console\/customers\/import\/[^/]+$/);
  // The page polls until LinkedIn has checked the rows.
  await expect(page.getByTestId("key-import-summary")).toHaveText("Done: 3 rows, 1 imported, 0 unchanged, 2 refused.", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("key-import-row-1")).toContainText("Imported");
  await expect(page.getByTestId("key-import-row-1")).toContainText("the customer was created with them");
  await expect(page.getByTestId("key-import-row-2")).toContainText("Duplicate in the file: row 1");
  await expect(page.getByTestId("key-import-row-3")).toContainText("Bad row: clientSecret");
  // The secret is never shown again (C3).
  await expect(page.locator("body")).not.toContainText(good.clientSecret);

  // The imported customer is there, with its keys.
  await page
    .getByTestId("key-import-row-1")
    .getByRole("link", { name: `imp-good-${run}` })
    .click();
  await expect(page.getByRole("heading", { name: `Imported ${run}` })).toBeVisible();
});
