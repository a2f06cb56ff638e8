import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeE2eSql, e2eSql } from "./env";
import { createCustomer, DEMO_PASSWORD, type E2eCustomer, LOGINS, signIn } from "./helpers";

// Issue #6, support's main path: filter the overview, open a customer, retry a failed job and see the
// audit entry; and support never sees a secret (C3). Customers and rows are this spec's own, created here
// with `pg` on the e2e database (scripts/test.ts sets DATABASE_URL), so no other spec changes what it counts.

const RUN = randomBytes(3).toString("hex");

const sql = e2eSql;

let keyed: E2eCustomer;
let umbrellaId = "";
let failedJobId = "";
let operatorsJobId = "";
const UMBRELLA = `Umbrella ${RUN}`;
// The failed job's error names this run: other specs' failed jobs (the accessibility spec's) say the like.
const JOB_ERROR = `LinkedIn answered 503 five times (${RUN}).`;

test.beforeAll(async () => {
  // A customer with a LinkedIn application whose secret support must never see.
  keyed = await createCustomer("Keyed");
  const globexId = `e2e-globex-${RUN}`;
  umbrellaId = `e2e-umbrella-${RUN}`;
  for (const [id, name, key] of [
    [globexId, `Globex ${RUN}`, `globex-${RUN}`],
    [umbrellaId, UMBRELLA, `umbrella-${RUN}`],
  ] as const) {
    await sql(
      `INSERT INTO "Customer" (id, "displayName", "foreignId", "offeredIntegrationTypes", "callbackKey", "updatedAt")
       VALUES ($1, $2, $3, '{}', $4, now())`,
      [id, name, key, `cb-${key}`],
    );
  }
  const integrations: [string, string, string, string][] = [
    [umbrellaId, `umbrella-rsc-${RUN}`, "ONE_CLICK_EXPORT", "ENABLED"],
    [umbrellaId, `umbrella-apply-${RUN}`, "APPLY_CONNECT", "REQUESTED"],
    [keyed.id, `keyed-rsc-${RUN}`, "ONE_CLICK_EXPORT", "ENABLED"],
    [globexId, `globex-rsc-${RUN}`, "ONE_CLICK_EXPORT", "ENABLED"],
  ];
  for (const [customerId, key, type, status] of integrations) {
    await sql(
      `INSERT INTO "Integration" (id, "customerId", "integrationContext", "integrationType", "tenantType", name, "onboardingStatus", "updatedAt")
       VALUES ($1, $2, $3, $4, 'RECRUITER', $5, $6::"OnboardingStatus", now())`,
      [`e2e-${key}`, customerId, `urn:li:organization:${key}`, type, `Integration ${key}`, status],
    );
  }
  failedJobId = `e2e-failed-job-${RUN}`;
  await sql(
    `INSERT INTO "Job" (id, kind, status, "customerId", attempts, "maxAttempts", "lastError", payload, "finishedAt", "updatedAt")
     VALUES ($1, 'SYNC_NAMES', 'FAILED', $2, 5, 5, $4, $3, now(), now())`,
    [failedJobId, umbrellaId, JSON.stringify({ customerId: umbrellaId }), JOB_ERROR],
  );
  // Provisioning is an operator's to start again (lib/jobs/permissions.ts, issue 20).
  operatorsJobId = `e2e-failed-provisioning-${RUN}`;
  await sql(
    `INSERT INTO "Job" (id, kind, status, "customerId", attempts, "maxAttempts", "lastError", payload, "finishedAt", "updatedAt")
     VALUES ($1, 'PROVISION_APPLICATION', 'FAILED', $2, 1, 5, $4, $3, now(), now())`,
    [operatorsJobId, umbrellaId, JSON.stringify({ customerId: umbrellaId }), `Provisioning refused (${RUN}).`],
  );
});

test.afterAll(closeE2eSql);

test("support filters the overview, opens a customer, retries a failed job and sees the audit entry", async ({
  page,
}) => {
  await signIn(page, LOGINS.support);
  await page.goto("/console");
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding overview" })).toBeVisible();

  await page.getByLabel("Customer", { exact: true }).fill(UMBRELLA);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/customer=Umbrella/);
  const list = page.getByTestId("integration-list");
  await expect(page.getByTestId("filter-summary")).toHaveText("Showing 2 matching integrations of 1 customer.");
  await expect(list.getByText(`Integration umbrella-rsc-${RUN}`)).toBeVisible();
  await expect(list.getByText(`Integration globex-rsc-${RUN}`)).toHaveCount(0);

  await page.getByLabel("Status", { exact: true }).selectOption("ENABLED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=ENABLED/);
  await expect(page.getByTestId("filter-summary")).toHaveText("Showing 1 matching integration of 1 customer.");
  await expect(list.getByText(`Integration umbrella-apply-${RUN}`)).toHaveCount(0);

  await list.getByRole("link", { name: UMBRELLA }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: UMBRELLA })).toBeVisible();
  // Support is not an operator: no link to the keys and settings page.
  await expect(page.getByRole("link", { name: "Customer settings and keys" })).toHaveCount(0);

  const jobRow = page.getByTestId(`job-${failedJobId}`);
  await expect(jobRow).toContainText(JOB_ERROR);
  await expect(jobRow).toContainText("5 of 5");
  await jobRow.getByRole("button", { name: /Retry sync names job/ }).click();
  await expect(jobRow.getByRole("status")).toHaveText("Retry queued as a new sync names job.");
  // The new run is listed, with who asked for it.
  await expect(page.getByTestId("job-list")).toContainText(`by ${LOGINS.support}`);

  const audit = page.locator("#audit");
  await expect(audit.getByTestId("audit-list")).toContainText("job.retried");
  await expect(audit.getByTestId("audit-list")).toContainText(LOGINS.support);

  // The audit page shows it too, filtered by action.
  await page.goto(`/console/audit?action=job.retried&customer=${encodeURIComponent(UMBRELLA)}`);
  const rows = page.getByTestId("audit-list").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(failedJobId);
  await expect(rows.first()).toContainText(LOGINS.support);

  // Retried, the job leaves the issues view.
  await page.goto("/console/issues");
  await expect(page.getByRole("heading", { level: 1, name: "Issues" })).toBeVisible();
  await expect(page.getByText(JOB_ERROR)).toHaveCount(0);
});

test("support is offered no retry of a job only an operator may start again", async ({ page }) => {
  await signIn(page, LOGINS.support);
  await page.goto(`/console/customers/${umbrellaId}`);
  const row = page.getByTestId(`job-${operatorsJobId}`);
  await expect(row).toContainText("Ask an operator to retry it");
  await expect(row.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(page.getByTestId(`job-${failedJobId}`).getByRole("button", { name: /Retry/ })).toHaveCount(1);
});

test("support never sees a secret: not in any console page, not in the export (C3)", async ({ page }) => {
  const [app] = await sql<{ clientSecretEnc: string }>(
    `SELECT "clientSecretEnc" FROM "CustomerApplication" WHERE "customerId" = $1`,
    [keyed.id],
  );
  expect(app?.clientSecretEnc.length).toBeGreaterThan(20);
  await sql(
    `UPDATE "CustomerApplication" SET "accessTokenEnc" = 'v1.e2e.token-envelope-${RUN}' WHERE "customerId" = $1`,
    [keyed.id],
  );
  await signIn(page, LOGINS.support);
  for (const path of [
    "/console",
    `/console?customer=${encodeURIComponent(keyed.name)}`,
    `/console/customers/${keyed.id}`,
    "/console/issues",
    "/console/audit",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const html = await response!.text();
    expect(html, path).not.toContain(keyed.clientSecret);
    expect(html, path).not.toContain(app!.clientSecretEnc);
    expect(html, path).not.toContain(`token-envelope-${RUN}`);
  }
  // The page does show the application, by its public API key only.
  await page.goto(`/console/customers/${keyed.id}`);
  await expect(page.getByText(keyed.clientId).first()).toBeVisible();

  const csv = await page.request.get(`/api/console/integrations/export?customer=${encodeURIComponent(keyed.name)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.text();
  expect(body.split("\r\n")[0]).toContain("integration_name");
  expect(body).toContain(`keyed-rsc-${RUN}`);
  expect(body).not.toContain(`globex-rsc-${RUN}`);
  expect(body).not.toContain(keyed.clientSecret);

  // The operator's keys page is not for support.
  const settings = await page.goto(`/console/customers/${keyed.id}/settings`);
  expect(settings?.status()).toBe(404);
});

test("a customer admin can not export integrations", async ({ request }) => {
  // Signed in through next-auth's credentials endpoint: this test is about the export route alone.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: keyed.adminEmail, password: DEMO_PASSWORD, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { role?: string } };
  expect(session.user?.role).toBe("CUSTOMER_ADMIN");
  const csv = await request.get("/api/console/integrations/export");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain(`keyed-rsc-${RUN}`);
});
