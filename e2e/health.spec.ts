import { expect, test } from "@playwright/test";

// GET /api/health through the production build: the migrations folder is found beside the running app
// and every migration is applied on the e2e database, so the probe is ready.
test("GET /api/health is ready on a migrated database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok", migrations: "ok" });
});
