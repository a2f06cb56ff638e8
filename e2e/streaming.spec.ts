import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { closeE2eSql, e2eEnv, e2eSql } from "./env";
import { LOGINS, signIn } from "./helpers";

// Issue 21, point 1: a console page sends its frame at once and each section streams in on its own, so one slow
// section holds only itself; a section that fails shows the error page with its reference id and a retry.
//
// What makes a section slow here is the database, not a test-only code path: the spec holds an ACCESS EXCLUSIVE
// lock on the table only the issues page's anomalies section reads ("Anomaly"), so that section's query waits on
// the lock exactly as long as the spec holds it. Cancelling the waiting query (pg_cancel_backend, what an operator
// or a statement timeout does to a stuck query) makes the same section fail. The production build runs unchanged.

type TableLock = { release: () => Promise<void>; pid: number };

/** Holds ACCESS EXCLUSIVE on "Anomaly" in an open transaction until release(). */
async function lockAnomalies(): Promise<TableLock> {
  const client = new pg.Client({ connectionString: e2eEnv().DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "Anomaly" IN ACCESS EXCLUSIVE MODE');
  const [row] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
  if (!row) throw new Error("no backend pid");
  return {
    pid: row.pid,
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

// The reads that wait on the spec's lock: the anomalies section's (a job of the app writing an anomaly meanwhile
// waits too, but is an INSERT or UPDATE, never counted or cancelled here).
const WAITING_READS = `SELECT pid FROM pg_stat_activity
  WHERE $1 = ANY(pg_blocking_pids(pid)) AND query ILIKE 'select%' AND query LIKE '%"Anomaly"%'`;

async function waitingOn(lock: TableLock): Promise<number[]> {
  const rows = await e2eSql<{ pid: number }>(WAITING_READS, [lock.pid]);
  return rows.map((r) => r.pid);
}

async function openIssuesWhileLocked(page: Page, lock: TableLock): Promise<void> {
  // "commit": the document has started to arrive; a streamed page's load event waits for its last section.
  await page.goto("/console/issues", { waitUntil: "commit" });
  await expect.poll(async () => (await waitingOn(lock)).length).toBeGreaterThan(0);
}

let lock: TableLock | undefined;

test.afterEach(async () => {
  await lock?.release();
  lock = undefined;
});
test.afterAll(async () => {
  await closeE2eSql();
});

test("a slow section shows its fallback while the rest of the page is drawn and usable", async ({ page }) => {
  await signIn(page, LOGINS.support);
  lock = await lockAnomalies();
  await openIssuesWhileLocked(page, lock);

  const anomalies = page.locator("#anomalies");
  const skeleton = page.getByTestId("anomalies-loading");
  await expect(skeleton).toBeVisible();
  await expect(skeleton.getByRole("status")).toHaveText("Loading anomalies…");
  // The placeholder never takes the section's id: during the swap both are in the document, and #anomalies
  // must still name one element.
  await expect(anomalies).toHaveCount(0);
  // Every other section has streamed in while the anomalies section still waits.
  for (const id of ["failed-jobs", "keys", "stuck", "failed-notifications", "unknown-types"]) {
    await expect(page.getByTestId(`${id}-loading`)).toHaveCount(0);
    await expect(page.locator(`#${id}`)).toBeVisible();
  }
  expect(await waitingOn(lock)).not.toEqual([]);
  // The page answers: its links work while the section loads.
  await page
    .getByRole("navigation", { name: "Issue sections" })
    .getByRole("link", { name: "Stuck integrations" })
    .click();
  await expect(page).toHaveURL(/#stuck$/);
  await expect(page.getByTestId("anomalies-loading")).toBeVisible();

  await lock.release();
  lock = undefined;
  await expect(page.getByTestId("anomalies-loading")).toHaveCount(0);
  await expect(anomalies).toHaveCount(1);
  await expect(anomalies.getByRole("heading", { name: "Open anomalies" })).toBeVisible();
});

test("a section that fails shows the error page with its reference id, and Try again draws the page", async ({
  page,
}) => {
  await signIn(page, LOGINS.support);
  lock = await lockAnomalies();
  await openIssuesWhileLocked(page, lock);
  for (const pid of await waitingOn(lock)) await e2eSql("SELECT pg_cancel_backend($1)", [pid]);

  const notice = page.getByTestId("error-notice");
  await expect(notice.getByRole("heading", { name: "This page could not be shown" })).toBeVisible();
  // The digest Next gave the error: what the server logged it under (lib/log/request-error.ts).
  await expect(notice.getByTestId("error-reference")).toHaveText(/^\S+$/);
  // The console's frame stays: the error replaced only the page.
  await expect(page.getByTestId("signed-in-as")).toContainText(LOGINS.support);

  await lock.release();
  lock = undefined;
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("error-notice")).toHaveCount(0);
  await expect(page.locator("#anomalies").getByRole("heading", { name: "Open anomalies" })).toBeVisible();
});
