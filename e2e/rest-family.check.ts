// Issue 23 (L22): after the onboarding and notification specs ran in the rest family, the sandbox saw their
// integration calls on /rest/…, in Rest.li 2.0, and refused none of them. Only the calls of customers made after the
// switch count: earlier specs' background work (a poll of a fuzzed request id, a retried sync of a key the sandbox
// refuses on purpose) also goes out in the rest family once the environment switched, and is refused there as in v2.
import { expect, test } from "@playwright/test";
import { closeE2eSql, e2eEnv, e2eSql } from "./env";

interface SandboxCall {
  endpoint: string;
  status: number;
  path: string;
  clientId: string | null;
}

test.afterAll(closeE2eSql);

test("the rest-family run spoke rest/integrations and rest/integrationConfigurations to the sandbox", async () => {
  const made = await e2eSql<{ clientId: string }>(
    `SELECT a."clientId" FROM "CustomerApplication" a JOIN "Customer" c ON c."id" = a."customerId"
     WHERE c."createdAt" >= (SELECT "updatedAt" FROM "Setting" WHERE "key" = 'linkedinApi')`,
  );
  const ours = new Set(made.map((r) => r.clientId));
  expect(ours.size).toBeGreaterThan(0);
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/calls`);
  const { calls } = (await res.json()) as { calls: SandboxCall[] };
  const rest = calls.filter((c) => c.endpoint.startsWith("rest_") && c.clientId !== null && ours.has(c.clientId));
  const kinds = new Set(rest.map((c) => c.endpoint));
  expect([...kinds].sort()).toEqual(expect.arrayContaining(["rest_batch_partial_update", "rest_configurations"]));
  expect(rest.filter((c) => c.status >= 400 && c.status !== 429)).toEqual([]);
  expect(rest.every((c) => c.path.startsWith("/rest/"))).toBe(true);
});
