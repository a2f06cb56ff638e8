import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, type ConsoleMessage, expect, test } from "@playwright/test";
import { e2eEnv } from "./env";
import { closeDb, sql } from "./notifications-support";
import { createApiToken, createCustomer } from "./helpers";

// Embedded mode (issue 12) in a real frame: the vendor's ATS page, served here at the origin the run lists in
// EMBED_ALLOWED_ORIGINS (scripts/test.ts; http://127.0.0.1:…, another site than Onramp's http://localhost:…),
// frames a sign-in link minted through the vendor API and shows the customer's integrations page signed in:
// the session cookies (SameSite=None; Secure; Partitioned, lib/auth/options.ts) work inside the frame. A page
// at an origin not listed gets the frame refused by CSP frame-ancestors, and the link it framed stays unused.

test.describe.configure({ mode: "serial" });

let apiToken = "";
/** A 1×1 PNG. */
const ONE_PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const servers: Server[] = [];

test.beforeAll(async () => {
  apiToken = await createApiToken("e2e embed", ["admin-links:create"]);
});
test.afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await closeDb();
});

async function mintLink(request: APIRequestContext, customerId: string, email: string): Promise<string> {
  const res = await request.post(`/api/v1/customers/${customerId}/admin-links`, {
    headers: { authorization: `Bearer ${apiToken}` },
    data: { email },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

/** The ATS's admin page: it frames the URL in its `?src=` (port 0: any free port). Answers its origin. */
async function atsPage(port: number): Promise<string> {
  const server = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://ats.invalid").searchParams.get("src") ?? "";
    const attr = src.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>ATS admin</title><h1>ATS admin</h1><iframe title="Onramp" src="${attr}" width="1000" height="700"></iframe>`,
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("an allowed origin frames a sign-in link: the integrations page is shown signed in inside the frame", async ({
  browser,
  request,
  baseURL,
}) => {
  const allowed = e2eEnv().E2E_EMBED_ORIGIN;
  const origin = await atsPage(Number(new URL(allowed).port));
  expect(origin).toBe(allowed);
  const customer = await createCustomer("Embed");
  // Issue 25: the customer's look (its override of the vendor's): a logo and a dark colour.
  await sql(
    `UPDATE "Customer" SET "brandDisplayName" = 'Embed Vendor', "brandPrimaryColor" = '#0b1f3a', "brandLogo" = $1 WHERE "id" = $2`,
    [`data:image/png;base64,${ONE_PIXEL_PNG}`, customer.id],
  );
  const email = `embed-${randomUUID().slice(0, 8)}@embed.test`;
  const link = await mintLink(request, customer.id, email);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/?src=${encodeURIComponent(link)}`);
  const frame = page.frameLocator('iframe[title="Onramp"]');
  await expect(frame.getByRole("heading", { level: 1, name: `${customer.name}: LinkedIn integrations` })).toBeVisible();
  await expect(frame.getByTestId("signed-in-as")).toContainText(email);
  await expect(frame.getByRole("img", { name: "Embed Vendor logo" })).toBeVisible();
  await expect(frame.locator("header")).toHaveCSS("background-color", "rgb(11, 31, 58)");
  expect(page.frames().map((f) => f.url())).toContain(`${baseURL}/integrations`);
  // The session lives in the frame: a cross-site cookie, so SameSite=None and Secure (Chromium keeps Secure
  // cookies of http://localhost), partitioned under the ATS's site.
  const session = (await context.cookies(baseURL)).find((c) => c.name === "__Secure-next-auth.session-token");
  expect(session).toMatchObject({ sameSite: "None", secure: true, httpOnly: true, partitionKey: "http://127.0.0.1" });
  await context.close();
});

test("an origin not listed gets the frame refused (CSP frame-ancestors); the link it framed stays unused", async ({
  browser,
  request,
  baseURL,
}) => {
  const origin = await atsPage(0);
  expect(e2eEnv().E2E_EMBED_ORIGIN).not.toBe(origin);
  const customer = await createCustomer("Embed Refused");
  const email = `refused-${randomUUID().slice(0, 8)}@embed.test`;
  const link = await mintLink(request, customer.id, email);

  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  page.on("console", (m) => messages.push(m));
  const framed = page.waitForResponse((r) => r.url() === link);
  await page.goto(`${origin}/?src=${encodeURIComponent(link)}`);
  // Onramp answered, and its policy names only the allowed origin; the browser refused to show the answer.
  const answer = await framed;
  expect(answer.status()).toBe(200);
  expect(await answer.headerValue("content-security-policy")).toContain(
    `frame-ancestors 'self' ${e2eEnv().E2E_EMBED_ORIGIN}`,
  );
  // Chromium says "Framing '…' violates … frame-ancestors …" (older versions: "Refused to frame '…'").
  await expect
    .poll(() => messages.map((m) => m.text()).find((t) => t.includes("frame-ancestors")) ?? "")
    .toMatch(
      new RegExp(`(Framing|Refused to frame) '${baseURL}/'.*frame-ancestors 'self' ${e2eEnv().E2E_EMBED_ORIGIN}`),
    );
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child?.url()).not.toContain(baseURL);
  await expect(page.frameLocator('iframe[title="Onramp"]').getByText("Onramp")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "ATS admin" })).toBeVisible();
  // The refused page never ran: the link was not spent, and still signs the admin in at Onramp itself.
  const [row] = await sql<{ usedAt: Date | null }>(`SELECT "usedAt" FROM "AdminSignInLink" WHERE "email" = $1`, [
    email,
  ]);
  expect(row).toEqual({ usedAt: null });
  const direct = await context.newPage();
  await direct.goto(link);
  await expect(direct.getByTestId("signed-in-as")).toContainText(email);
  await context.close();
});
