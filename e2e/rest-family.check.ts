// Issue 23 (L22): after the onboarding and notification specs ran in the rest family, the sandbox saw their
// integration calls on /rest/…, in Rest.li 2.0, and refused none of them.
import { expect, test } from "@playwright/test";
import { e2eEnv } from "./env";

interface SandboxCall {
  endpoint: string;
  status: number;
  path: string;
}

test("the rest-family run spoke rest/integrations and rest/integrationConfigurations to the sandbox", async () => {
  const res = await fetch(`${e2eEnv().E2E_SANDBOX_URL}/_sandbox/calls`);
  const { calls } = (await res.json()) as { calls: SandboxCall[] };
  const rest = calls.filter((c) => c.endpoint.startsWith("rest_"));
  const kinds = new Set(rest.map((c) => c.endpoint));
  expect([...kinds].sort()).toEqual(expect.arrayContaining(["rest_batch_partial_update", "rest_configurations"]));
  expect(rest.filter((c) => c.status >= 400 && c.status !== 429)).toEqual([]);
  expect(rest.every((c) => c.path.startsWith("/rest/"))).toBe(true);
});
