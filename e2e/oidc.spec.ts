import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { closeE2eSql, e2eSql } from "./env";

// Issue 24 point 3 in Chromium against the production build: staff sign in through a real OpenID Connect provider
// (the npm package oidc-provider, started by scripts/test.ts as scripts/stack/oidc-provider.ts, its button named
// "Corp SSO"). A login's groups follow its name there: support-… is in the support group, anything else in none.

test.afterAll(closeE2eSql);

/** Onramp's staff button, then the provider's own login page (any password), back to Onramp. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Staff: continue with Corp SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("whatever the provider checks");
  await page.locator('button[type="submit"]').click();
}

const staffRow = (email: string) =>
  e2eSql<{ role: string; oidcSubject: string | null }>(`SELECT role, "oidcSubject" FROM "User" WHERE email = $1`, [
    email,
  ]);

test("a person in the provider's support group lands on the console as support", async ({ page }) => {
  const login = `support-${randomUUID().slice(0, 8)}`;
  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/console/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`${login}@corp.test · Support`);
  expect(await staffRow(`${login}@corp.test`)).toEqual([{ role: "SUPPORT", oidcSubject: login }]);
});

test("a person in no staff group is refused with a message, and no account is made", async ({ page }) => {
  const login = `marketing-${randomUUID().slice(0, 8)}`;
  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/sign-in\?error=StaffNoRole/);
  await expect(page.getByText("Your company account has no Onramp staff role.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect(await staffRow(`${login}@corp.test`)).toEqual([]);
});
