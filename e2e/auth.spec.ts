import { expect, test } from "@playwright/test";
import { closeE2eSql } from "./env";
import { createCustomer, LOGINS, signIn } from "./helpers";

// Issue #2: sign-in for each role, the redirect when signed out, and customer scope.

test.afterAll(closeE2eSql);

test("a signed-out visitor is sent to sign-in and back after signing in", async ({ page }) => {
  await page.goto("/console");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole/);
  await page.getByLabel("Email").fill(LOGINS.support);
  await page.getByLabel("Password").fill("onramp-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console$/);
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(LOGINS.operator);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toContainText("do not match an active account");
  await page.goto("/console");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an operator signs in and lands on the console", async ({ page }) => {
  await signIn(page, LOGINS.operator);
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Operator");
  await expect(page.getByRole("link", { name: "People" })).toBeVisible();
});

test("support signs in and sees the console without operator pages", async ({ page }) => {
  await signIn(page, LOGINS.support);
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Support");
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
});

test("a customer admin lands on their integrations and cannot reach the console or another customer", async ({
  page,
}) => {
  const own = await createCustomer("Auth Own");
  const other = await createCustomer("Auth Other");
  await signIn(page, own.adminEmail);
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(own.name);

  const consoleResponse = await page.goto("/console");
  expect(consoleResponse?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const otherCustomer = await page.goto(`/console/customers/${other.id}`);
  expect(otherCustomer?.status()).toBe(404);
  await expect(page.getByText(other.name)).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, LOGINS.operator);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/console");
  await expect(page).toHaveURL(/\/sign-in/);
});
