import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeE2eSql, e2eSql } from "./env";
import { createCustomer, type E2eCustomer, LOGINS, signIn } from "./helpers";
import { caughtMail } from "./mail";

// Issue 22 point 1, support's path through an issue record: the "widget cannot load" issue of this spec's own
// customer is emailed to the customer's admin (read from the mail catcher), snoozed, resolved and reopened, each
// answered on the page and written to the audit log.

let customer: E2eCustomer;
let issueId = "";

test.beforeAll(async () => {
  customer = await createCustomer("Issues");
  issueId = `e2e-issue-${randomUUID()}`;
  // Last seen a day ahead: other specs' customers have issues too (the detector runs in the e2e server), and this
  // one must be on the first page of "last seen first" whatever they are.
  await e2eSql(
    `INSERT INTO "SupportIssue" ("id", "type", "subjectKey", "customerId", "detail", "lastSeenAt")
     VALUES ($1, 'WIDGET_CANNOT_LOAD', $2, $3, 'LinkedIn''s script failed to load in the admin''s browser.', now() + interval '1 day')`,
    [issueId, `customer:${customer.id}`, customer.id],
  );
});
test.afterAll(closeE2eSql);

test("support emails an issue's steps to the customer's admins, snoozes it, resolves it and reopens it", async ({
  page,
  request,
}) => {
  await signIn(page, LOGINS.support);
  await page.goto("/console/issues");
  const about = `Widget cannot load of ${customer.name}`;
  const row = page.getByTestId("records").getByRole("row").filter({ hasText: customer.name });
  await expect(row).toContainText("LinkedIn's script failed to load");
  await expect(row).toContainText("Open");

  await row.getByRole("button", { name: `Email the customer's admins ${about}` }).click();
  await expect(row.getByText("Queued the steps to 1 admin.")).toBeVisible();
  const mail = await caughtMail(request, customer.adminEmail);
  expect(mail.subject).toContain("LinkedIn's authorization page could not load");
  expect(mail.text).toContain("Click the button to authorize again");

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await row.getByLabel("Snooze until (UTC day)").fill(tomorrow);
  await row.getByRole("button", { name: `Snooze ${about}` }).click();
  await expect(row.getByText(`Snoozed until ${tomorrow} 00:00 UTC.`)).toBeVisible();
  await page.reload();
  await expect(row).toContainText("Snoozed until");
  await expect(row).toContainText(`by ${LOGINS.support}`);

  // Resolving moves the row to the resolved list (the page is revalidated); reopening moves it back.
  await row.getByRole("button", { name: `Resolve ${about}` }).click();
  const resolved = page.getByTestId("resolved-records").getByRole("row").filter({ hasText: customer.name });
  await expect(resolved).toContainText("Resolved");
  await expect(row).toHaveCount(0);
  await resolved.getByRole("button", { name: `Reopen ${about}` }).click();
  await expect(row).toContainText("Open");
  await expect(resolved).toHaveCount(0);
  const [issue] = await e2eSql<{ state: string; occurrences: number }>(
    `SELECT "state"::text AS "state", "occurrences" FROM "SupportIssue" WHERE "id" = $1`,
    [issueId],
  );
  expect(issue).toEqual({ state: "OPEN", occurrences: 2 });

  const audit = await e2eSql<{ action: string; actorLabel: string }>(
    `SELECT "action", "actorLabel" FROM "AuditLog" WHERE "targetId" = $1 ORDER BY "createdAt"`,
    [issueId],
  );
  expect(audit.map((a) => a.action)).toEqual(["issue.emailed", "issue.snoozed", "issue.resolved", "issue.reopened"]);
  expect(new Set(audit.map((a) => a.actorLabel))).toEqual(new Set([LOGINS.support]));
});
