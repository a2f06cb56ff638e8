import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ConsoleMessage, expect, test } from "@playwright/test";
import { e2eEnv } from "./env";
import { closeDb } from "./notifications-support";
import { LOGINS, signIn } from "./helpers";

// Issue 20 item 8: every answer carries the security headers, next-auth's own pages included (they are rendered by
// next-auth under /api/auth/, where proxy.ts does not run): a Content-Security-Policy with frame-ancestors ('none'
// except the embedded pages, which keep EMBED_ALLOWED_ORIGINS), nosniff, Referrer-Policy and Permissions-Policy.
// HSTS only in production over https (this run is http://localhost: none; lib/http/security-headers.test.ts).
// Even the ATS origin that may frame /integrations can not frame next-auth's sign-out page.

const servers: Server[] = [];
test.afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await closeDb();
});

function expectBaseline(res: { headers(): Record<string, string> } | null, where: string): Record<string, string> {
  expect(res, where).not.toBeNull();
  const h = res?.headers() ?? {};
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], where).toContain("camera=()");
  expect(h["strict-transport-security"], where).toBeUndefined();
  return h;
}

test("pages, the console and next-auth's own pages carry the headers; only embedded pages may be framed", async ({
  page,
  request,
}) => {
  const signInPage = expectBaseline(await page.goto("/sign-in"), "/sign-in");
  expect(signInPage["content-security-policy"]).toContain("frame-ancestors 'none'");

  await signIn(page, LOGINS.operator);
  const consolePage = expectBaseline(await page.goto("/console"), "/console");
  expect(consolePage["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(consolePage["content-security-policy"]).toContain("script-src 'self' 'nonce-");

  const signOut = expectBaseline(await page.goto("/api/auth/signout"), "/api/auth/signout");
  expect(signOut["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  const signInApi = await request.get("/api/auth/signin", { maxRedirects: 0 });
  expect(expectBaseline(signInApi, "/api/auth/signin")["content-security-policy"]).toContain("frame-ancestors 'none'");
  const errorApi = await request.get("/api/auth/error", { maxRedirects: 0 });
  expect(expectBaseline(errorApi, "/api/auth/error")["content-security-policy"]).toContain("frame-ancestors 'none'");
  const health = expectBaseline(await request.get("/api/health"), "/api/health");
  expect(health["content-security-policy"]).toContain("default-src 'none'");

  // The embedded pages keep the ATS's origin (embedded mode, e2e/embed.spec.ts).
  const embedded = expectBaseline(await request.get("/admin-link/not-a-real-token"), "/admin-link/…");
  expect(embedded["content-security-policy"]).toContain(`frame-ancestors 'self' ${e2eEnv().E2E_EMBED_ORIGIN}`);
});

test("the ATS origin allowed to frame /integrations can not frame next-auth's sign-out page", async ({
  browser,
  baseURL,
}) => {
  // Another port than embed.spec.ts's own server, on the same origin host: frame-ancestors names origins with
  // their port, so this page is NOT the allowed origin either way; the point is the header, 'none', refusing all.
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>ATS</title><iframe title="Onramp" src="${baseURL}/api/auth/signout"></iframe>`);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  page.on("console", (m) => messages.push(m));
  const framed = page.waitForResponse((r) => r.url() === `${baseURL}/api/auth/signout`);
  await page.goto(origin);
  expect(await (await framed).headerValue("content-security-policy")).toContain("frame-ancestors 'none'");
  await expect
    .poll(() => messages.map((m) => m.text()).find((t) => t.includes("frame-ancestors")) ?? "")
    .toMatch(/(Framing|Refused to frame) .*frame-ancestors 'none'/);
  await expect(page.frameLocator('iframe[title="Onramp"]').getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await context.close();
});
