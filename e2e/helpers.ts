import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "onramp-demo-password";
export const LOGINS = {
  operator: "operator@onramp.test",
  support: "support@onramp.test",
  customerAdmin: "admin@acme.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}
