import { expect, test } from "@playwright/test";

// Public links with a malformed percent-escape (issue 11 item 7): each answers a page saying the link is not valid,
// never a 500. The escapes that decode but name nothing get each page's own answer.
for (const path of ["/invite/%", "/invite/abc%E0%A4%A", "/admin-link/%", "/unsubscribe/%"]) {
  test(`${path} answers a page saying the link is not valid`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByText("This link is not valid")).toBeVisible();
  });
}

for (const { path, says } of [
  { path: "/invite/%25", says: "This invitation link is not valid" },
  { path: "/admin-link/%25", says: "This sign-in link is not valid" },
  { path: "/unsubscribe/%25", says: "This unsubscribe link is not valid" },
]) {
  test(`${path} (a "%" once decoded) answers its own not-valid page`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByText(says)).toBeVisible();
  });
}
