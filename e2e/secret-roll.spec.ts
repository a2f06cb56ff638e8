// Issue 20 item 7 (L7) in a real browser: a secret rotation whose LinkedIn answer Onramp never stored (its process died
// right after asking) shows support, on the customer page and in the issues view, that LinkedIn may hold a secret
// Onramp does not, with the steps; an operator follows the first step (rotate again) and the state clears. The crash
// itself is tested on a real killed process in lib/customers/secret-roll-crash.db.test.ts.
import { expect, test } from "@playwright/test";
import { closeE2eSql, e2eEnv, e2eSql } from "./env";
import { createCustomer, LOGINS, signIn } from "./helpers";

test.afterAll(closeE2eSql);

async function sandboxUrn(clientId: string): Promise<string> {
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/state`);
  const { applications } = (await res.json()) as { applications: { clientId: string; urn: string }[] };
  const urn = applications.find((a) => a.clientId === clientId)?.urn;
  if (!urn) throw new Error(`the sandbox has no application ${clientId}`);
  return urn;
}

test("a rotation left without LinkedIn's answer: support sees it with the steps, rotating again clears it", async ({
  page,
}) => {
  const c = await createCustomer("Lost roll");
  // A provisioned application whose rotation was recorded an hour ago and never answered (the process died).
  await e2eSql(
    `UPDATE "CustomerApplication" SET "origin" = 'PROVISIONED', "applicationUrn" = $2,
       "secretRollStartedAt" = now() AT TIME ZONE 'UTC' - interval '1 hour' WHERE "customerId" = $1`,
    [c.id, await sandboxUrn(c.clientId)],
  );

  await signIn(page, LOGINS.support);
  await page.goto(`/console/customers/${c.id}`);
  const state = page.getByTestId("secret-roll-state");
  await expect(state).toHaveAttribute("data-kind", "lost");
  await expect(state).toContainText("LinkedIn may hold a secret Onramp does not have");
  await expect(state).toContainText("rotates the secret again on the customer's settings page");
  await expect(state).toContainText(c.clientId);
  await page.goto("/console/issues");
  const row = page.getByTestId("secret-rolls").getByRole("row").filter({ hasText: c.name });
  await expect(row).toContainText("LinkedIn may hold a secret Onramp does not have");
  expect(await page.content()).not.toContain(c.clientSecret);

  await page.context().clearCookies();
  await signIn(page, LOGINS.operator);
  await page.goto(`/console/customers/${c.id}/settings`);
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByTestId("rotate-secret-message")).toContainText("LinkedIn rolled a new secret");
  await page.goto(`/console/customers/${c.id}`);
  await expect(page.getByRole("heading", { name: c.name })).toBeVisible();
  await expect(page.getByTestId("secret-roll-state")).toHaveCount(0);
  await page.goto("/console/issues");
  await expect(page.getByTestId("secret-rolls").getByRole("row").filter({ hasText: c.name })).toHaveCount(0);
});
