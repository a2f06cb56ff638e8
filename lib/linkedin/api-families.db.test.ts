// Both API families against the LinkedIn sandbox (issue 23, L22–L26): the whole integration flow in the `rest`
// family, and a switch of family in the middle of a sync that loses nothing. The family is switched through
// the environment default (per test process); the operator setting, shared by every test file's database,
// is read the same way per call (api-choice.ts) and covered by its own test below without touching the row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { sandboxAdmin } from "@/lib/notifications/test-support/fixtures";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { apiChoiceSchema } from "./api-choice";
import { callsToday } from "./call-count";
import { tupleId, type IntegrationTuple } from "./compound-key";
import { deleteIntegrationConfigurations, writeIntegrationConfigurations } from "./configurations";
import { ENDPOINTS } from "./endpoints";
import { syncIntegrationNames } from "./integration-names";
import { lookupStatusByRequest, lookupStatusByTuples } from "./status-lookup";
import { setTestEnv, useLinkedInAt } from "./test-support/env";
import { sandboxCustomerWithIntegrations, sandboxRequestAbout } from "./test-support/sandbox-customer";

let sandbox: SandboxHandle;
const admin = sandboxAdmin(() => sandbox.url);

interface SandboxCall {
  endpoint: string;
  status: number;
  entityCount: number | null;
  fault: boolean;
  path: string;
}
const callsOf = async (clientId: string, endpoint: string) =>
  (await admin<{ calls: SandboxCall[] }>("GET", `/calls?endpoint=${endpoint}&clientId=${encodeURIComponent(clientId)}`))
    .calls;

const customerWithIntegrations = (count: number) =>
  sandboxCustomerWithIntegrations(admin, count, () => "ONE_CLICK_EXPORT");

const family = (f: "v2" | "rest") =>
  setTestEnv({ LINKEDIN_API_FAMILY: f, LINKEDIN_VERSION: f === "rest" ? "202604" : "" });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, batchSpacingMs: 0 });
  useLinkedInAt(sandbox.url, { LINKEDIN_BATCH_SPACING_MS: "0" });
});
afterAll(async () => {
  await sandbox?.close();
  await disconnectDb();
});

describe("the rest family (L22–L25)", () => {
  it("names, configurations and both lookups go to rest/… in Rest.li 2.0 and read the canonical answers", async () => {
    family("rest");
    const { app, tuples } = await customerWithIntegrations(3);
    const names = await syncIntegrationNames(
      app,
      tuples.map((tuple, i) => ({ tuple, name: `Acme ${i}` })),
    );
    expect(names.map((r) => r.ok)).toEqual([true, true, true]);
    const [first] = tuples as [IntegrationTuple];
    const written = await writeIntegrationConfigurations(app, first, {
      CALLBACK_URL: "http://127.0.0.1:9/li/families",
      APPLICATION_VIEWERS: "ALL_PRODUCT_USERS",
    });
    // L14: ONE_CLICK_EXPORT takes CALLBACK_URL; APPLICATION_VIEWERS is refused in LinkedIn's words, per key.
    expect(written.CALLBACK_URL).toBeNull();
    expect(written.APPLICATION_VIEWERS).toMatch(/not supported/);
    await deleteIntegrationConfigurations(app, first, ["CALLBACK_URL"]);
    const statuses = await lookupStatusByTuples(app, tuples);
    expect([...statuses.values()].map((s) => s.ok && s.integrationName)).toEqual(["Acme 0", "Acme 1", "Acme 2"]);
    const requestId = await sandboxRequestAbout(admin, app.clientId, tuples);
    expect((await lookupStatusByRequest(app, requestId)).map((s) => s.integrationName).sort()).toEqual([
      "Acme 0",
      "Acme 1",
      "Acme 2",
    ]);
    for (const kind of ["rest_batch_partial_update", "rest_configurations", "rest_lookup_ids", "rest_lookup_request"])
      expect((await callsOf(app.clientId, kind)).every((c) => c.status < 300 && c.path.startsWith("/rest/"))).toBe(
        true,
      );
    expect(await callsOf(app.clientId, "batch_partial_update")).toEqual([]);
    const today = await callsToday(app.clientId);
    expect(today.endpoints.find((e) => e.endpoint === ENDPOINTS.restSyncIntegrationNames)?.count).toBe(1);
  });
});

describe("switching families (L22)", () => {
  it("a sync that fails under v2 retries under rest, and nothing is lost", async () => {
    family("v2");
    setTestEnv({ LINKEDIN_MAX_ATTEMPTS: "1" });
    const { app, tuples } = await customerWithIntegrations(150);
    const items = tuples.map((tuple, i) => ({ tuple, name: `Switched ${i}` }));
    // LinkedIn is down for the first v2 call: the run stops, its items are failures to retry.
    await admin("POST", "/faults", { endpoint: "batch_partial_update", status: 503, count: 1 });
    const firstRun = await syncIntegrationNames(app, items.slice(0, 100));
    expect(firstRun.every((r) => !r.ok && r.retryable)).toBe(true);
    const secondRun = await syncIntegrationNames(app, items);
    expect(secondRun.filter((r) => r.ok)).toHaveLength(150);

    // Now the operator switches to rest and renames everything: the job's retry goes out in the new family.
    family("rest");
    await admin("POST", "/faults", { endpoint: "rest_batch_partial_update", status: 503, count: 1 });
    const renamed = items.map((i) => ({ ...i, name: `${i.name} (rest)` }));
    expect((await syncIntegrationNames(app, renamed)).every((r) => !r.ok && r.retryable)).toBe(true);
    const retried = await syncIntegrationNames(app, renamed);
    expect(retried.filter((r) => r.ok)).toHaveLength(150);
    expect((await callsOf(app.clientId, "rest_batch_partial_update")).map((c) => [c.status, c.entityCount])).toEqual([
      [503, null],
      [200, 100],
      [200, 50],
    ]);

    // Read back in the other family again: every name is there, none missed between the families.
    family("v2");
    const statuses = await lookupStatusByTuples(app, tuples);
    for (const [i, t] of tuples.entries())
      expect(statuses.get(tupleId(t))).toMatchObject({ ok: true, integrationName: `Switched ${i} (rest)` });
    setTestEnv({ LINKEDIN_MAX_ATTEMPTS: undefined });
  });

  it("the operator setting: v2 keeps an empty version, rest gets 202604 unless one is given", () => {
    expect(apiChoiceSchema.parse({ family: "v2", version: "" })).toEqual({ family: "v2", version: "" });
    expect(apiChoiceSchema.parse({ family: "rest", version: "" })).toEqual({ family: "rest", version: "202604" });
    expect(apiChoiceSchema.parse({ family: "rest", version: "202508.02" })).toEqual({
      family: "rest",
      version: "202508.02",
    });
    expect(apiChoiceSchema.safeParse({ family: "rest", version: "2026-04" }).success).toBe(false);
    expect(apiChoiceSchema.safeParse({ family: "v3", version: "" }).success).toBe(false);
  });
});
