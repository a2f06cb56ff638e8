import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { closeE2eSql } from "./env";
import { createApiToken, createCustomer, LOGINS, signIn } from "./helpers";

// Issue 23 point 7, L30, against the production build: an Apply Connect customer's admin sees the account-level
// "LinkedIn Easy Apply" toggle, on by default, with LinkedIn's sentence exactly as LinkedIn words it; turning it off
// reaches the vendor API, the event feed and support's customer page.

const LINKEDIN_SENTENCE =
  "By posting your job to LinkedIn, you agree to LinkedIn's Jobs Terms & Conditions. Learn more about using LinkedIn Easy Apply";

test.afterAll(closeE2eSql);

test("L30: the admin turns Easy Apply off; the vendor API, an event and support see it", async ({
  page,
  request,
  browser,
}) => {
  const customer = await createCustomer("Easy Apply", ["RECRUITER_SYSTEM_CONNECT_COMPANY", "APPLY_CONNECT"]);
  const token = await createApiToken("e2e easy apply", ["customers:read", "events:read"]);
  const auth = { authorization: `Bearer ${token}` };

  await signIn(page, customer.adminEmail);
  const section = page.getByTestId("easy-apply");
  const toggle = section.getByRole("checkbox", { name: "LinkedIn Easy Apply" });
  await expect(toggle).toBeChecked();
  await expect(section.getByTestId("easy-apply-terms")).toHaveText(LINKEDIN_SENTENCE);
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="easy-apply"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await toggle.uncheck();
  await section.getByRole("button", { name: "Save Easy Apply setting" }).click();
  await expect(section.getByTestId("easy-apply-message")).toHaveText(
    "LinkedIn Easy Apply is off for your job postings.",
  );
  await page.reload();
  await expect(page.getByTestId("easy-apply").getByRole("checkbox", { name: "LinkedIn Easy Apply" })).not.toBeChecked();

  const read = await request.get(`/api/v1/customers/${customer.id}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect(((await read.json()) as { linkedInEasyApply: unknown }).linkedInEasyApply).toMatchObject({
    enabled: false,
    changedAt: expect.any(String),
  });
  // The feed shows an event once every older transaction has ended (lib/events/feed.ts): polled, not slept.
  const eventsPath = `/api/v1/events?types=customer.easy_apply_changed&customerId=${encodeURIComponent(customer.id)}`;
  await expect
    .poll(async () => {
      const feed = await request.get(eventsPath, { headers: auth });
      const { data } = (await feed.json()) as { data: { data: Record<string, unknown> }[] };
      return data.map((e) => e.data.linkedInEasyApply);
    })
    .toEqual([false]);

  const support = await (await browser.newContext()).newPage();
  await signIn(support, LOGINS.support);
  await support.goto(`/console/customers/${customer.id}`);
  await expect(support.getByTestId("support-easy-apply")).toContainText("LinkedIn Easy Apply");
  await expect(support.getByTestId("support-easy-apply")).toContainText(": off");
});
