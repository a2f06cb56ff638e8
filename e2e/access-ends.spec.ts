import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { closeDb, requestedIntegration, sql } from "./notifications-support";
import { createApiToken, createCustomer, DEMO_PASSWORD, signIn } from "./helpers";

// Issue 20 item 5 in Chromium against the production build: archiving a customer (through the vendor API) ends
// its admin's session at the next request, whatever it is: a page, a server action from a page already open, a
// route handler; and the admin can not sign in again. A sign-in link minted before, for a person disabled since or
// a customer archived since, signs nobody in; an invitation open in a tab is refused once its customer is archived.

let apiToken = "";
test.beforeAll(async () => {
  apiToken = await createApiToken("e2e access ends", ["customers:write", "admin-links:create"]);
});
test.afterAll(closeDb);

const bearer = () => ({ authorization: `Bearer ${apiToken}` });

async function archive(request: APIRequestContext, customerId: string): Promise<void> {
  const res = await request.patch(`/api/v1/customers/${customerId}`, { headers: bearer(), data: { archived: true } });
  expect(res.status()).toBe(200);
}

async function mintLink(request: APIRequestContext, customerId: string, email: string): Promise<string> {
  const res = await request.post(`/api/v1/customers/${customerId}/admin-links`, { headers: bearer(), data: { email } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

test("an archived customer's admin is refused at the next request: action, route handler, page, sign-in", async ({
  page,
  request,
}) => {
  const customer = await createCustomer("Archived Admin");
  await requestedIntegration(customer, "REQUESTED", "REQUESTED");
  await signIn(page, customer.adminEmail);
  const checkNow = page.getByRole("button", { name: "Check status with LinkedIn now" });
  await expect(checkNow).toBeVisible();

  await archive(request, customer.id);
  // A server action from the page that is already open.
  await checkNow.click();
  await expect(page.getByRole("status").filter({ hasText: "Your session has ended. Sign in again." })).toBeVisible();
  // A route handler, with the same session cookies.
  const route = await page.request.get(`/api/customers/${customer.id}/integrations`);
  expect(route.status()).toBe(401);
  // A page.
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/sign-in/);
  // And no new session.
  await page.getByLabel("Email").fill(customer.adminEmail);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toContainText("do not match an active account");
});

test("a sign-in link minted before its person was disabled, or its customer archived, signs nobody in", async ({
  browser,
  request,
}) => {
  const disabled = await createCustomer("Link Disabled");
  const archived = await createCustomer("Link Archived");
  const disabledLink = await mintLink(request, disabled.id, disabled.adminEmail);
  const archivedLink = await mintLink(request, archived.id, archived.adminEmail);
  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE "email" = $1`, [disabled.adminEmail]);
  await archive(request, archived.id);

  for (const link of [disabledLink, archivedLink]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole("alert").filter({ hasText: "sign-in link" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
    await page.goto("/integrations");
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  }
});

test("an invitation open in a tab is refused once its customer is archived", async ({ page, request }) => {
  const customer = await createCustomer("Invite Archived");
  const token = randomBytes(32).toString("base64url");
  const email = `invitee-${randomUUID().slice(0, 8)}@invite-archived.test`;
  await sql(
    `INSERT INTO "Invitation" ("id", "email", "role", "customerId", "tokenHash", "expiresAt") VALUES ($1, $2, 'CUSTOMER_ADMIN', $3, $4, now() + interval '1 day')`,
    [`e2e-inv-${randomUUID()}`, email, customer.id, createHash("sha256").update(token, "utf8").digest("hex")],
  );
  await page.goto(`/invite/${token}`);
  await page.getByLabel("New password").fill("a-long-enough-password");
  await page.getByLabel("Repeat the password").fill("a-long-enough-password");

  await archive(request, customer.id);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("This invitation was withdrawn", { exact: false }).first()).toBeVisible();
  expect(await sql(`SELECT 1 FROM "User" WHERE "email" = $1`, [email])).toHaveLength(0);
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "This invitation was withdrawn." })).toBeVisible();
});
