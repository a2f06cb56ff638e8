import { expect, type Page, test } from "@playwright/test";
import { closeE2eSql, e2eEnv } from "./env";
import { createCustomer, signIn } from "./helpers";

// Issue 23 point 5, L28, L29, against the production build and the sandbox: Talent CRM Connect onboards like RSC.
// A customer offered the CANDIDATE_RELATIONSHIP_MANAGEMENT bundle authorizes it in LinkedIn's plugin; its three
// tuples are stored and named, CRM_ONE_CLICK_EXPORT gets the customer's callback URL and IN_CRM_INDICATOR its
// viewers key (the key table), and they reach ENABLED by LinkedIn's push. One customer = one CRM tenant (L29).

const sandboxUrl = (): string => e2eEnv().E2E_SANDBOX_URL;
test.afterAll(closeE2eSql);

async function sandbox(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

const row = (page: Page, context: string, type: string) =>
  page.locator(
    `[data-testid="integration-row"][data-integration-context="${context}"][data-integration-type="${type}"]`,
  );

test("L28: the CRM bundle becomes three named, configured integrations that reach ENABLED", async ({ page }) => {
  const customer = await createCustomer("CRM", ["CANDIDATE_RELATIONSHIP_MANAGEMENT"]);
  const contractId = `e2ecrm${Date.now().toString(36)}`;
  const context = `urn:li:contract:${contractId}`;
  const types = [
    ["CRM_CSA_API", "CRM Candidate Sync API"],
    ["CRM_ONE_CLICK_EXPORT", "CRM One-Click Export"],
    ["IN_CRM_INDICATOR", "In-CRM Indicator"],
  ] as const;

  await signIn(page, customer.adminEmail);
  const widget = page.getByTestId("linkedin-widget");
  await widget.getByLabel("Contract id for CANDIDATE_RELATIONSHIP_MANAGEMENT").fill(contractId);
  await widget.getByRole("button", { name: "Authorize CANDIDATE_RELATIONSHIP_MANAGEMENT" }).click();
  await expect(page.getByTestId("widget-result")).toContainText("Stored 3 integrations");

  for (const [type, label] of types) {
    const r = row(page, context, type);
    await expect(r.getByTestId("integration-name")).toHaveText(
      `${customer.name}'s LinkedIn Recruiter ${label} Integration`,
    );
    await expect(r.locator('[data-sync-state="SYNCED"]')).toHaveCount(2, { timeout: 30_000 }); // name and settings
  }

  // At LinkedIn: named, and configured as the key table says (L28, ASSUMPTION for the third-party keys).
  const { integrations } = (await sandbox("/state")) as {
    integrations: {
      clientId: string;
      integrationType: string;
      integrationName: string | null;
      configurations: Record<string, { string?: string }>;
    }[];
  };
  const mine = new Map(integrations.filter((i) => i.clientId === customer.clientId).map((i) => [i.integrationType, i]));
  expect([...mine.keys()].sort()).toEqual(types.map(([t]) => t).sort());
  for (const i of mine.values()) expect(i.integrationName).toMatch(new RegExp(`^${customer.name}'s LinkedIn`));
  expect(mine.get("CRM_ONE_CLICK_EXPORT")?.configurations.CALLBACK_URL?.string).toContain(
    `/api/linkedin/callback/${customer.callbackKey}`,
  );
  expect(mine.get("IN_CRM_INDICATOR")?.configurations).toEqual({
    APPLICATION_VIEWERS: { string: "ALL_PRODUCT_USERS" },
  });

  // LinkedIn enables them: the push to the customer's callback URL turns each ENABLED on the page.
  for (const [integrationType] of types)
    await sandbox("/integrations/move", {
      clientId: customer.clientId,
      integrationContext: context,
      integrationType,
      tenantType: "RECRUITER",
      status: "ENABLED",
      force: true,
    });
  for (const [type] of types)
    await expect(row(page, context, type).getByTestId("onboarding-status")).toHaveAttribute("data-status", "ENABLED", {
      timeout: 45_000,
    });
});
