import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { e2eEnv } from "./env";
import { type E2eCustomer, LOGINS, signIn } from "./helpers";

// An operator's invitation and the mail it sends (issue 14), read from the catcher (real SMTP, lib/email/catcher.ts).

export type Caught = { to: string[]; subject: string; text: string; headers: Record<string, string> };

/** The first mail to `email`: polls the catcher until the sweep has sent it (no fixed wait). */
export async function caughtMail(request: APIRequestContext, email: string): Promise<Caught> {
  let mail: Caught | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await request.get(`${e2eEnv().E2E_MAIL_URL}/api/messages`)).json()) as Caught[];
        mail = all.find((m) => m.to.includes(email));
        return Boolean(mail);
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
  if (!mail) throw new Error("no mail");
  return mail;
}

/** Invites `email` as `customer`'s admin through the console and returns the link shown and the mail caught. */
export async function inviteAndReadMail(
  page: Page,
  request: APIRequestContext,
  customer: E2eCustomer,
  email: string,
): Promise<{ shownLink: string; mail: Caught }> {
  await signIn(page, LOGINS.operator);
  // ?customerId= puts the customer in the form's list however many customers other specs made.
  await page.goto(`/console/people?customerId=${encodeURIComponent(customer.id)}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role").selectOption("CUSTOMER_ADMIN");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: customer.name });
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invite-message")).toContainText(`Invitation emailed to ${email}`);
  const shownLink = await page.getByTestId("invitation-link").inputValue();
  return { shownLink, mail: await caughtMail(request, email) };
}
