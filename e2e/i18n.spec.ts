import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { closeE2eSql, e2eSql } from "./env";
import { createCustomer, DEMO_PASSWORD, type E2eCustomer, LOGINS, signIn } from "./helpers";
import { inviteAndReadMail } from "./mail";

// Issue 25: the customer admin's page in their language and the vendor's look. A browser asking for Japanese gets
// Japanese until the admin picks German, which then follows them to a new session; the invitation email is in the
// customer's default language (set by an operator); axe stays clean in every language and with a very light and a
// very dark brand colour. The brand settings are the spec's own customers' overrides, so no other spec sees them.

test.afterAll(closeE2eSql);

const LANGUAGES = ["en", "de", "fr", "es", "pt-BR", "ja"] as const;
const HEADINGS: Record<(typeof LANGUAGES)[number], string> = {
  en: "LinkedIn integrations",
  de: "LinkedIn-Integrationen",
  fr: "intégrations LinkedIn",
  es: "integraciones de LinkedIn",
  "pt-BR": "integrações do LinkedIn",
  ja: "LinkedIn 連携",
};

async function newPage(browser: Browser, acceptLanguage: string): Promise<Page> {
  // Chromium sends its locale as Accept-Language; the header alone would be overridden on navigations.
  const context = await browser.newContext({
    locale: acceptLanguage,
    extraHTTPHeaders: { "Accept-Language": acceptLanguage },
  });
  return context.newPage();
}

/** Signs in through the Japanese sign-in page. */
async function signInJapanese(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("サインイン");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${what}: accessibility violations`).toEqual([]);
  expect(results.passes.length, `${what}: axe checked the page`).toBeGreaterThan(10);
}

test("Accept-Language: ja shows the page in Japanese; the admin switches to German and the choice sticks", async ({
  browser,
}) => {
  const customer = await createCustomer("I18n");
  const page = await newPage(browser, "ja");
  await signInJapanese(page, customer.adminEmail);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${customer.name}: LinkedIn 連携`);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("御社の LinkedIn 連携");

  await page.getByLabel("言語").selectOption("de");
  await page.getByRole("button", { name: "言語を変更" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${customer.name}: LinkedIn-Integrationen`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.reload();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Ihre LinkedIn-Integrationen");

  // A new session with the same Japanese browser: signed out it is Japanese, signed in the admin's German.
  const again = await newPage(browser, "ja");
  await signInJapanese(again, customer.adminEmail);
  await expect(again.getByRole("heading", { level: 1 })).toHaveText(`${customer.name}: LinkedIn-Integrationen`);
  await expect(again.getByLabel("Sprache")).toHaveValue("de");
  await page.context().close();
  await again.context().close();
});

test("the page passes axe in every language, and with a very light and a very dark brand colour", async ({
  browser,
}) => {
  const customer = await createCustomer("I18n Axe");
  const page = await newPage(browser, "en");
  await signIn(page, customer.adminEmail);
  for (const locale of LANGUAGES) {
    await e2eSql(`UPDATE "User" SET "locale" = $1 WHERE "email" = $2`, [locale, customer.adminEmail]);
    await page.goto("/integrations");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(HEADINGS[locale]);
    await expectAxeClean(page, locale);
  }
  for (const [colour, text] of [
    ["#fbfbf2", "rgb(0, 0, 0)"],
    ["#0b0b1e", "rgb(255, 255, 255)"],
  ] as const) {
    await e2eSql(`UPDATE "Customer" SET "brandPrimaryColor" = $1 WHERE "id" = $2`, [colour, customer.id]);
    await page.goto("/integrations");
    await expect(page.locator("header")).toHaveCSS("color", text);
    await expectAxeClean(page, colour);
  }
  await page.context().close();
});

async function setDefaultLanguage(page: Page, customer: E2eCustomer, label: string): Promise<void> {
  await page.goto(`/console/customers/${customer.id}/settings`);
  await page.getByLabel("Default language of its admins").selectOption({ label });
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByTestId("customer-locale-message")).toContainText(`Saved: ${label}`);
}

test("an operator sets a customer's language: the invitation email and its page are in it, in the customer's look", async ({
  page,
  browser,
  request,
}) => {
  const customer = await createCustomer("I18n Mail");
  await e2eSql(
    `UPDATE "Customer" SET "brandDisplayName" = 'Acme Recrutement', "brandPrimaryColor" = '#7c2d12' WHERE "id" = $1`,
    [customer.id],
  );
  await signIn(page, LOGINS.operator);
  await setDefaultLanguage(page, customer, "Français");

  const email = `i18n-${Date.now().toString(36)}@i18n-mail.test`;
  // Its own session: the helper signs the operator in.
  const inviter = await (await browser.newContext()).newPage();
  const { mail } = await inviteAndReadMail(inviter, request, customer, email);
  await inviter.context().close();
  expect(mail.subject).toBe("Acme Recrutement vous invite sur son portail d'intégrations LinkedIn");
  expect(mail.text).toContain(`Vous êtes invité comme administrateur client pour ${customer.name}`);
  expect(mail.text).toContain("Se désabonner");
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];

  // The page the link opens speaks the customer's language, whatever the browser asks for.
  const invitee = await newPage(browser, "en-US");
  await invitee.goto(link ?? "");
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Bienvenue");
  await expect(invitee.getByTestId("brand-name")).toHaveText("Acme Recrutement");
  await expect(invitee.getByLabel("Nouveau mot de passe")).toBeVisible();
  await expectAxeClean(invitee, "invitation page in French");
  await invitee.context().close();
});
