import { expect, test } from "@playwright/test";
import { intakeActionId, postIntakeAs } from "../chaos/intake-action";
import { closeE2eSql, e2eSql } from "./env";
import { authorizeCompanyBundle, createCustomer, LOGINS, signIn } from "./helpers";

// Issue 20, point 3, against the production build and the LinkedIn sandbox: a customer admin posts the page's
// widget handler (the server action, over HTTP as the browser does) with an organization LinkedIn never
// authorized for the customer's application. Onramp asks LinkedIn (C19b, the customer's own token), refuses it
// and shows support; the real owner's authorization through LinkedIn's plugin is stored. When LinkedIn confirms
// one organization for two customers, support sees both on the issues page and detaches it from one.

test.afterAll(closeE2eSql);

const bundle = (orgId: string) =>
  ["ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"].map((integrationType) => ({
    integrationContext: `urn:li:organization:${orgId}`,
    integrationType,
    tenantType: "RECRUITER",
  }));

const integrationsOf = (customerId: string) =>
  e2eSql<{ integrationType: string }>(`SELECT "integrationType" FROM "Integration" WHERE "customerId" = $1`, [
    customerId,
  ]);

test("a borrowed organization is refused and shown to support; LinkedIn-confirmed holders of one are a conflict support resolves", async ({
  browser,
  page,
  baseURL,
}) => {
  const attacker = await createCustomer("Borrower");
  const owner = await createCustomer("Owner");
  const twin = await createCustomer("Twin");
  const orgId = `borrowed${Date.now().toString(36)}`;
  const context = `urn:li:organization:${orgId}`;

  // The attacker's admin, signed in, hands over the organization without LinkedIn's plugin.
  const attackerContext = await browser.newContext();
  try {
    await signIn(await attackerContext.newPage(), attacker.adminEmail);
    const cookie = (await attackerContext.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const answer = await postIntakeAs(baseURL ?? "", intakeActionId(process.cwd(), ".next"), cookie, bundle(orgId));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("LinkedIn has no record of this authorization for your account");
  } finally {
    await attackerContext.close();
  }
  expect(await integrationsOf(attacker.id)).toEqual([]);

  // The owner authorizes it in LinkedIn's plugin and gets it; so does a second company LinkedIn also confirms.
  await authorizeCompanyBundle(browser, owner.adminEmail, orgId);
  await authorizeCompanyBundle(browser, twin.adminEmail, orgId);

  await signIn(page, LOGINS.support);
  await page.goto("/console/issues");
  await expect(page.locator("#anomalies")).toContainText(context);
  const conflicts = page.getByTestId("held-by-two").locator("tbody tr", { hasText: context });
  await expect(conflicts).toHaveCount(3);
  const oneClick = conflicts.filter({ hasText: "ONE_CLICK_EXPORT" });
  await expect(oneClick.getByTestId("held-by")).toHaveText([new RegExp(owner.name), new RegExp(twin.name)]);

  const twinsHold = oneClick.getByTestId("held-by").filter({ hasText: twin.name });
  await twinsHold.getByLabel(`Remove it from ${twin.name}`).check();
  await twinsHold.getByRole("button", { name: `Detach ONE_CLICK_EXPORT for ${context} from ${twin.name}` }).click();
  await expect(conflicts).toHaveCount(2);
  expect((await integrationsOf(twin.id)).map((i) => i.integrationType).sort()).toEqual([
    "IN_ATS_INDICATOR",
    "PROFILE_PLUGIN",
  ]);
  expect(await integrationsOf(owner.id)).toHaveLength(3);
  const audit = await e2eSql(
    `SELECT 1 FROM "AuditLog" WHERE action = 'integration.detached' AND "customerId" = $1 AND "actorLabel" = $2`,
    [twin.id, LOGINS.support],
  );
  expect(audit).toHaveLength(1);
});
