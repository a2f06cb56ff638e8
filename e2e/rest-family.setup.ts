// Issue 23 (L22): the onboarding and notification specs run a second time with the environment switched to
// LinkedIn's versioned `rest` family (playwright.config.ts, project "rest-family", after every other spec).
// An operator switches it on the console, as in production: no restart, no data migration.
import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("an operator switches the environment to the rest family and the console shows it", async ({ page }) => {
  await signIn(page, LOGINS.operator);
  await page.goto("/console/settings");
  const inForce = page.getByTestId("linkedin-api-in-force");
  await expect(inForce).toContainText("v2");
  await page.getByLabel("API family").selectOption("rest");
  await page.getByLabel("LinkedIn-Version").fill("");
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByText("Onramp now speaks rest (LinkedIn-Version 202604)")).toBeVisible();
  await page.reload();
  await expect(inForce).toContainText("rest · LinkedIn-Version 202604");
  await expect(inForce).toContainText("chosen here");
});
