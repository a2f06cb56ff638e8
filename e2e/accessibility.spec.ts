import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createRowsForEveryTable } from "./a11y-rows";
import { closeE2eSql } from "./env";
import { LOGINS, signIn } from "./helpers";

// Issue #6 quality bar: every main page works with a screen reader (no serious or critical WCAG 2.1 A/AA
// violations found by axe) and is usable on a laptop and on a tablet (no page-wide horizontal scroll;
// wide tables scroll inside their own container).

const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "tablet", width: 768, height: 1024 },
] as const;

// The spec makes its own rows (a customer with something in every table), so every table is checked
// filled, whether or not other specs ran first.
let customerId = "";
test.beforeAll(async () => {
  ({ customerId } = await createRowsForEveryTable());
});
test.afterAll(closeE2eSql);

async function checkPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
  expect(serious, `${path}: accessibility violations`).toEqual([]);
  expect(results.passes.length, `${path}: axe checked the page`).toBeGreaterThan(10);
  const emptyTables = await page
    .locator("table")
    .evaluateAll((tables) => tables.filter((t) => t.querySelectorAll("tbody tr").length === 0).length);
  expect(emptyTables, `${path}: every table is checked with rows in it`).toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path}: the page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

for (const viewport of VIEWPORTS) {
  test.describe(`on a ${viewport.name} (${viewport.width}px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("sign-in page", async ({ page }) => {
      await checkPage(page, "/sign-in");
    });

    test("the customer admin's integrations page", async ({ page }) => {
      await signIn(page, LOGINS.customerAdmin);
      await checkPage(page, "/integrations");
    });

    test("support's console pages", async ({ page }) => {
      await signIn(page, LOGINS.support);
      for (const path of [
        "/console",
        "/console/customers",
        `/console/customers/${customerId}`,
        "/console/issues",
        "/console/audit",
      ]) {
        await checkPage(page, path);
      }
    });

    test("the operator's pages", async ({ page }) => {
      await signIn(page, LOGINS.operator);
      for (const path of [
        "/console/customers/new",
        `/console/customers/${customerId}/settings`,
        "/console/people",
        "/console/settings",
      ]) {
        await checkPage(page, path);
      }
    });

    test("the webhooks page, with a disabled endpoint's banner and its deliveries", async ({ page }) => {
      await signIn(page, LOGINS.operator);
      await checkPage(page, "/console/webhooks");
    });
  });
}
