import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { closeE2eSql, e2eEnv } from "./env";
import { createCustomer, DEMO_PASSWORD, signIn } from "./helpers";

// A mark set in the page: still there later means the page was not reloaded.
declare global {
  interface Window {
    __onrampNoReload?: boolean;
  }
}

// Issue #4 and issue 9 against the production build and the LinkedIn sandbox: the customer admin
// authorizes the RSC company and contract bundles in LinkedIn's plugin (C4–C9), which yield four
// integrations (L12), sees them stored and named (C10–C14), configured as LinkedIn's key table says in
// LinkedIn's request shape (L14, L15, RSC-104), then REQUESTED → PARTNER_READY → ENABLED (C18, C19)
// without reloading the page (RSC-101).

// Each test makes its own customer (createCustomer): its application's paced calls (C13, C30) queue behind no
// other spec's, so the waits below allow for this test's own calls only.

const sandboxUrl = (): string => e2eEnv().E2E_SANDBOX_URL;
test.afterAll(closeE2eSql);
// Each test makes its own customer, so they may run on both workers at once (the spec runs twice, the second time
// in the rest family at the end of the run, where nothing else runs beside it).
test.describe.configure({ mode: "parallel" });

async function moveInSandbox(
  clientId: string,
  tuple: Record<string, string>,
  status: "PARTNER_READY" | "ENABLED",
): Promise<void> {
  const res = await fetch(`${sandboxUrl()}/_sandbox/integrations/move`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, ...tuple, status }),
  });
  if (!res.ok) throw new Error(`sandbox move answered ${res.status}: ${await res.text()}`);
}

function row(page: Page, context: string, type?: string) {
  const ofType = type ? `[data-integration-type="${type}"]` : "";
  return page.locator(`[data-testid="integration-row"][data-integration-context="${context}"]${ofType}`);
}

type SandboxIntegration = {
  clientId: string;
  integrationContext: string;
  integrationType: string;
  configurations: Record<string, { string?: string }>;
};
async function sandboxIntegrations(clientId: string): Promise<SandboxIntegration[]> {
  const state = (await (await fetch(`${sandboxUrl()}/_sandbox/state`)).json()) as {
    integrations: SandboxIntegration[];
  };
  return state.integrations.filter((i) => i.clientId === clientId);
}

test("RSC-101, RSC-104: the RSC company and contract bundles become four named, configured integrations that reach ENABLED without a reload", async ({
  page,
}) => {
  const customer = await createCustomer("Onboarding");
  const cspViolations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (load|execute|connect)/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const suffix = Date.now().toString(36);
  const orgId = `e2eorg${suffix}`;
  const contractId = `e2econ${suffix}`;
  // L12: the company bundle yields three tuples on the organization, the contract bundle CSA_API.
  const org = (integrationType: string) => ({
    integrationContext: `urn:li:organization:${orgId}`,
    integrationType,
    tenantType: "RECRUITER",
  });
  const all = [
    { ...org("ONE_CLICK_EXPORT"), name: `${customer.name}'s LinkedIn Recruiter One-Click Export Integration` },
    { ...org("IN_ATS_INDICATOR"), name: `${customer.name}'s LinkedIn Recruiter In-ATS Indicator Integration` },
    { ...org("PROFILE_PLUGIN"), name: `${customer.name}'s LinkedIn Recruiter Profile Plugin Integration` },
    {
      integrationContext: `urn:li:contract:${contractId}`,
      integrationType: "CSA_API",
      tenantType: "RECRUITER",
      name: `${customer.name}'s LinkedIn Recruiter Candidate Sync API Integration`,
    },
  ];
  const tupleOf = ({ name: _name, ...t }: (typeof all)[number]) => t;

  // Signing in lands on /integrations by a client-side navigation, so the plugin must render there (C8).
  await signIn(page, customer.adminEmail);
  await expect(page).toHaveURL(/\/integrations$/);

  // C9: the page's policy allows the sandbox (standing for platform.linkedin.com), never 'unsafe-eval'.
  const document = await page.request.get("/integrations");
  const csp = document.headers()["content-security-policy"] ?? "";
  expect(csp).toContain(new URL(sandboxUrl()).origin);
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toContain("unsafe-eval");

  // The plugin (sandbox in.js + ATSIntegrationWidget) rendered the bundles offered to this customer (C5, C6).
  const widget = page.getByTestId("linkedin-widget");
  await expect(widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" })).toBeVisible();
  await expect(widget.getByRole("button", { name: "Authorize APPLY_WITH_LINKEDIN" })).toHaveCount(0);

  // Marker that a reload would wipe: everything below must happen on this same document.
  await page.evaluate(() => (window.__onrampNoReload = true));

  await widget.getByLabel("Organization id for RECRUITER_SYSTEM_CONNECT_COMPANY").fill(orgId);
  await widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" }).click();
  await expect(page.getByTestId("widget-result")).toContainText("Stored 3 integrations");
  await widget.getByLabel("Contract id for RECRUITER_SYSTEM_CONNECT_CONTRACT").fill(contractId);
  await widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_CONTRACT" }).click();

  // Stored, and their names and settings synced with LinkedIn by the jobs (C10–C14), shown by SWR.
  for (const t of all) {
    const r = row(page, t.integrationContext, t.integrationType);
    await expect(r).toBeVisible();
    await expect(r.getByTestId("integration-name")).toHaveText(t.name);
    await expect(r.getByTestId("onboarding-status")).toHaveAttribute("data-status", "REQUESTED");
    await expect(r.locator('[data-sync-state="SYNCED"]')).toHaveCount(2, { timeout: 30_000 }); // name and settings
  }
  await expect(page.getByTestId("sync-progress")).toContainText("names synced");

  // RSC-101: named at LinkedIn. RSC-104 (L14): CALLBACK_URL and the viewers keys set to ALL_PRODUCT_USERS; the
  // sandbox took them only as PUT …/configurations?ids=… with x-restli-method: batch_update (L15).
  const atLinkedIn = new Map(
    (await sandboxIntegrations(customer.clientId)).map((i) => [`${i.integrationType}@${i.integrationContext}`, i]),
  );
  const configsOf = (t: (typeof all)[number]) =>
    atLinkedIn.get(`${t.integrationType}@${t.integrationContext}`)?.configurations;
  expect(configsOf(all[0]!)?.CALLBACK_URL?.string).toMatch(/\/api\/linkedin\/callback\//);
  expect(configsOf(all[0]!)?.JOB_POSTING_VIEWERS).toEqual({ string: "ALL_PRODUCT_USERS" });
  expect(configsOf(all[1]!)).toEqual({ APPLICATION_VIEWERS: { string: "ALL_PRODUCT_USERS" } });
  expect(configsOf(all[2]!)).toEqual({});
  expect(configsOf(all[3]!)).toEqual({});

  // LinkedIn moves them to PARTNER_READY (no push for that, C19): "Check status" asks LinkedIn (C19b).
  for (const t of all) await moveInSandbox(customer.clientId, tupleOf(t), "PARTNER_READY");
  await page.getByRole("button", { name: "Check status with LinkedIn now" }).click();
  for (const t of all) {
    await expect(row(page, t.integrationContext, t.integrationType).getByTestId("onboarding-status")).toHaveAttribute(
      "data-status",
      "PARTNER_READY",
      {
        timeout: 30_000,
      },
    );
  }

  // The customer enables them in LinkedIn: the pushes to the customer's one callback URL (C16, C19, L18) turn them ENABLED.
  for (const t of all) await moveInSandbox(customer.clientId, tupleOf(t), "ENABLED");
  for (const t of all) {
    await expect(row(page, t.integrationContext, t.integrationType).getByTestId("onboarding-status")).toHaveAttribute(
      "data-status",
      "ENABLED",
      {
        timeout: 45_000,
      },
    );
  }

  expect(await page.evaluate(() => window.__onrampNoReload)).toBe(true);
  expect(cspViolations).toEqual([]);
});

test("a customer admin renames an integration and the new name reaches LinkedIn (C11)", async ({ page }) => {
  const customer = await createCustomer("Rename");
  const orgId = `e2eren${Date.now().toString(36)}`;
  const context = `urn:li:organization:${orgId}`;
  await signIn(page, customer.adminEmail);
  const widget = page.getByTestId("linkedin-widget");
  // C8: after a client-side navigation (the header's home link), the plugin renders again, no reload.
  await expect(widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" })).toBeVisible();
  await page.evaluate(() => (window.__onrampNoReload = true));
  await page.getByTestId("brand-link").click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" })).toBeVisible();
  expect(await page.evaluate(() => window.__onrampNoReload)).toBe(true);
  // The plugin renders again after that navigation and may clear a field filled a moment too early: fill and
  // authorize until it says they are stored (authorizing a tuple twice stores it once, C7, and says so).
  await expect(async () => {
    await widget.getByLabel("Organization id for RECRUITER_SYSTEM_CONNECT_COMPANY").fill(orgId);
    await widget.getByRole("button", { name: "Authorize RECRUITER_SYSTEM_CONNECT_COMPANY" }).click();
    await expect(page.getByTestId("widget-result")).toContainText(
      /Stored 3 integrations|3 integrations already stored/,
      {
        timeout: 15_000,
      },
    );
  }).toPass({ timeout: 45_000 });
  const r = row(page, context, "ONE_CLICK_EXPORT");
  await expect(r.locator('[data-sync-state="SYNCED"]').first()).toBeVisible({ timeout: 30_000 });

  await r.getByText("Rename or change settings").click();
  await r.getByLabel("Name shown in LinkedIn").fill("Hiring (EMEA)");
  await r.getByRole("button", { name: "Rename" }).click();
  await expect(r.getByRole("status").filter({ hasText: "Renamed" })).toBeVisible();
  await expect(r.getByTestId("integration-name")).toHaveText("Hiring (EMEA)");

  await expect
    .poll(
      async () => {
        const state = (await (await fetch(`${sandboxUrl()}/_sandbox/state`)).json()) as {
          integrations: {
            clientId: string;
            integrationContext: string;
            integrationType: string;
            integrationName: string | null;
          }[];
        };
        return state.integrations.find(
          (i) =>
            i.clientId === customer.clientId &&
            i.integrationContext === context &&
            i.integrationType === "ONE_CLICK_EXPORT",
        )?.integrationName;
      },
      { timeout: 30_000 },
    )
    .toBe("Hiring (EMEA)");
  await expect(r.locator('[data-sync-state="SYNCED"]')).toHaveCount(2, { timeout: 30_000 });
});

test("a customer without a LinkedIn application sees why the plugin cannot load and who fixes it", async ({ page }) => {
  const databaseUrl = e2eEnv().DATABASE_URL;
  const tag = randomBytes(4).toString("hex");
  const email = `admin-${tag}@noapp.test`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Customer" (id, "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, now())`,
      [`cust-${tag}`, `No App ${tag}`, `noapp-${tag}`, ["RECRUITER_SYSTEM_CONNECT_COMPANY"], `cb-${tag}`],
    );
    await client.query(
      `INSERT INTO "User" (id, email, role, "customerId", "passwordHash", "updatedAt") VALUES ($1, $2, 'CUSTOMER_ADMIN', $3, $4, now())`,
      [`user-${tag}`, email, `cust-${tag}`, await hash(DEMO_PASSWORD)],
    );
  } finally {
    await client.end();
  }
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/xdoor/scripts/in.js")) scripts.push(r.url());
  });
  await signIn(page, email);
  const note = page.getByTestId("widget-unavailable");
  await expect(note).toContainText("The LinkedIn panel cannot load yet");
  await expect(note).toContainText("vendor's operator");
  await expect(page.getByTestId("linkedin-widget")).toHaveCount(0);
  await expect(page.getByTestId("sync-progress")).toContainText("No integrations yet");
  expect(scripts).toEqual([]);
});
