import { expect, test } from "@playwright/test";
import { closeE2eSql } from "./env";
import { createCustomer } from "./helpers";
import { inviteAndReadMail } from "./mail";

// Issue 14: an invitation is delivered by email. The operator invites a customer admin; the test reads
// the mail from the catcher (real SMTP, lib/email/catcher.ts), follows its link, sets a password and
// lands on the integrations page. The invitations are to the spec's own customer.

test.afterAll(closeE2eSql);

test("an operator invites a customer admin by email; the admin follows the mailed link, sets a password and lands on /integrations", async ({
  page,
  browser,
  request,
}) => {
  const customer = await createCustomer("Mailed");
  const adminEmail = `mailed-${Date.now().toString(36)}@mailed.test`;
  const password = "mailed-admin-password-1";
  const { shownLink, mail } = await inviteAndReadMail(page, request, customer, adminEmail);
  expect(mail?.subject).toContain("Onramp ATS");
  expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail?.text ?? "")?.[0];
  expect(link).toBe(shownLink);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link ?? "");
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Repeat the password").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByRole("status")).toContainText("is ready");
  await invitee.getByRole("link", { name: "Go to sign in" }).click();
  await invitee.getByLabel("Email").fill(adminEmail);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/integrations$/);
});

test("the mailed one-click unsubscribe works without signing in (RFC 8058), and its page can undo it", async ({
  page,
  browser,
  request,
}) => {
  const customer = await createCustomer("Unsubscribe");
  const { mail } = await inviteAndReadMail(
    page,
    request,
    customer,
    `unsub-${Date.now().toString(36)}@unsubscribe.test`,
  );
  const header = mail.headers["list-unsubscribe"] ?? "";
  const oneClick = /<(https?:\/\/[^>]+)>/.exec(header)?.[1] ?? "";
  expect(oneClick).toMatch(/\/api\/email\/unsubscribe\/[A-Za-z0-9_-]{20,}$/);
  const answer = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { message: string }).message).toContain("is unsubscribed from invitations");
  const bad = await request.post(oneClick, { form: { something: "else" } });
  expect(bad.status()).toBe(422);

  const reader = await (await browser.newContext()).newPage(); // not signed in
  await reader.goto(oneClick.replace("/api/email/unsubscribe/", "/unsubscribe/"));
  await expect(reader.getByRole("status")).toContainText("no longer gets invitations");
  await reader.getByRole("button", { name: "Subscribe again" }).click();
  await expect(reader.getByRole("button", { name: "Unsubscribe" })).toBeVisible();
  await expect(reader.getByRole("status")).not.toContainText("no longer");
});
