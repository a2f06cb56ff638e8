import AxeBuilder from "@axe-core/playwright";
import { type Cookie, expect, type Page, test } from "@playwright/test";
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
let adminEmail = "";
test.beforeAll(async () => {
  ({ customerId, adminEmail } = await createRowsForEveryTable());
});
test.afterAll(closeE2eSql);

/** Axe and the sideways-scroll check on the page as it is shown now, at `viewport`. */
async function checkPage(page: Page, path: string, viewport: (typeof VIEWPORTS)[number]): Promise<void> {
  await page.setViewportSize({ width: viewport.width, height: viewport.height });
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
  expect(serious, `${path} on a ${viewport.name}: accessibility violations`).toEqual([]);
  expect(results.passes.length, `${path}: axe checked the page`).toBeGreaterThan(10);
  // A streamed page (issue 21) can leave React's emptied `<table hidden>` segment holder behind: not a table anyone
  // sees or axe checks, so only the tables a person sees count.
  const emptyTables = await page
    .locator("table")
    .evaluateAll(
      (tables) =>
        tables.filter((t) => t.closest("[hidden]") === null && t.querySelectorAll("tbody tr").length === 0).length,
    );
  expect(emptyTables, `${path}: every table is checked with rows in it`).toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path} on a ${viewport.name}: the page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

// One test per page, at both sizes (the page loaded once, then resized: its layout follows the window's width),
// so each stays well inside the timeout however busy the machine; they may run on both workers at once (each
// worker makes its own rows in beforeAll).
test.describe.configure({ mode: "parallel" });
type Visitor = "nobody" | "customer admin" | "support" | "operator";
const PAGES: { who: Visitor; what: string; path: () => string }[] = [
  { who: "nobody", what: "sign-in page", path: () => "/sign-in" },
  { who: "customer admin", what: "integrations page", path: () => "/integrations" },
  { who: "support", what: "overview", path: () => "/console" },
  { who: "support", what: "customer list", path: () => "/console/customers" },
  { who: "support", what: "customer page", path: () => `/console/customers/${customerId}` },
  { who: "support", what: "customer timeline", path: () => `/console/customers/${customerId}/timeline` },
  { who: "support", what: "issues", path: () => "/console/issues" },
  { who: "support", what: "audit log", path: () => "/console/audit" },
  { who: "operator", what: "new customer form", path: () => "/console/customers/new" },
  { who: "operator", what: "customer settings", path: () => `/console/customers/${customerId}/settings` },
  { who: "operator", what: "people", path: () => "/console/people" },
  { who: "operator", what: "settings", path: () => "/console/settings" },
  {
    who: "operator",
    what: "webhooks page, with a disabled endpoint's banner and its deliveries",
    path: () => "/console/webhooks",
  },
];

// Each visitor signs in once per worker; later tests of the worker start with that session's cookies. Signing in is
// tested on its own (e2e/auth.spec.ts); here it only cost time.
const sessions = new Map<Visitor, Cookie[]>();
async function signInAs(page: Page, who: Visitor): Promise<void> {
  if (who === "nobody") return;
  const kept = sessions.get(who);
  if (kept) {
    await page.context().addCookies(kept);
    return;
  }
  await signIn(page, who === "customer admin" ? adminEmail : who === "support" ? LOGINS.support : LOGINS.operator);
  sessions.set(who, await page.context().cookies());
}

test.use({ viewport: VIEWPORTS[0] });
for (const { who, what, path } of PAGES) {
  test(`${who === "nobody" ? "the" : `${who}'s`} ${what}, on a laptop and on a tablet`, async ({ page }) => {
    await signInAs(page, who);
    const response = await page.goto(path());
    expect(response?.status(), path()).toBe(200);
    await page.waitForLoadState("networkidle");
    for (const viewport of VIEWPORTS) await checkPage(page, path(), viewport);
  });
}
