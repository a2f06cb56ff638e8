import { expect, test } from "@playwright/test";
import { authorizeCompanyBundle, createCustomer } from "./helpers";
import { closeDb, sandbox, sql } from "./notifications-support";

// RSC-103 (L20): each customer instance has its own LinkedIn application, and its traffic uses its own
// credentials. Two customers authorize the RSC company bundle in LinkedIn's plugin; each one's
// integrations land under its own application at LinkedIn, named through calls made with its own token.

type SandboxCall = { clientId: string | null; endpoint: string; status: number };
type SandboxIntegration = {
  clientId: string;
  integrationContext: string;
  integrationType: string;
  integrationName: string | null;
};

test.afterAll(async () => {
  await closeDb();
});

test("RSC-103: two customer instances, each with its own application and its own traffic", async ({ browser }) => {
  const first = await createCustomer("RSC103 First");
  const second = await createCustomer("RSC103 Second");
  const suffix = Date.now().toString(36);
  const orgs = { [first.clientId]: `rsc103a${suffix}`, [second.clientId]: `rsc103b${suffix}` };
  await authorizeCompanyBundle(browser, first.adminEmail, orgs[first.clientId]!);
  await authorizeCompanyBundle(browser, second.adminEmail, orgs[second.clientId]!);

  // Two applications in Onramp, one per customer.
  const apps = await sql<{ customerId: string; clientId: string }>(
    `SELECT "customerId", "clientId" FROM "CustomerApplication" WHERE "customerId" = ANY($1)`,
    [[first.id, second.id]],
  );
  expect(new Set(apps.map((a) => a.clientId)).size).toBe(2);

  // At LinkedIn each organization's three integrations belong to its customer's application and were named
  // there: the sandbox only lets an application's own token name its own integrations (C14: 404 otherwise).
  await expect
    .poll(
      async () => {
        const state = await sandbox<{ integrations: SandboxIntegration[] }>("GET", "/state");
        return [first, second].map(
          (c) =>
            state.integrations.filter(
              (i) =>
                i.clientId === c.clientId &&
                i.integrationContext === `urn:li:organization:${orgs[c.clientId]}` &&
                i.integrationName,
            ).length,
        );
      },
      { timeout: 45_000 },
    )
    .toEqual([3, 3]);
  const state = await sandbox<{ integrations: SandboxIntegration[] }>("GET", "/state");
  for (const c of [first, second]) {
    const other = c === first ? second : first;
    expect(
      state.integrations.some(
        (i) => i.clientId === other.clientId && i.integrationContext === `urn:li:organization:${orgs[c.clientId]}`,
      ),
    ).toBe(false);
    // Its own traffic: names and settings sent under its own client id (the sandbox logs the token's application).
    const calls = await sandbox<{ calls: SandboxCall[] }>("GET", `/calls?clientId=${encodeURIComponent(c.clientId)}`);
    expect(calls.calls.some((x) => x.endpoint === "batch_partial_update" && x.status === 200)).toBe(true);
    // Settings follow the names through the application's one paced slot (C13, C30): wait for them, do not assume them.
    await expect
      .poll(
        async () =>
          (
            await sandbox<{ calls: SandboxCall[] }>("GET", `/calls?clientId=${encodeURIComponent(c.clientId)}`)
          ).calls.some((x) => x.endpoint === "configurations" && x.status === 200),
        { timeout: 45_000 },
      )
      .toBe(true);
  }
});
