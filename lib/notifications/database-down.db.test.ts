// C23: "the database stopped mid-request gives 500 and the sandbox's retry later lands".
// Method (honest, and harmless to the shared test server): this file runs against a database of its
// own. A trigger on "Notification" terminates the inserting backend — the connection dies in the
// middle of storing the notification, exactly as when Postgres goes down mid-request — after the
// customer was looked up on a healthy connection. The route must answer 500 with no body; LinkedIn's
// (the sandbox's) retry, with a new id (C24), must then be stored and processed once the trigger is gone.
import { eventually } from "@/test/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { useLinkedInAt, setTestEnv } from "@/lib/linkedin/test-support/env";
import { startSandbox, type SandboxHandle } from "@/sandbox/server";
import { runSql } from "@/test/run-sql";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { processNotification } from "./process";
import { receiveNotification } from "./receive";
import { signNotification } from "./signature";
import { startCallbackServer, type CallbackServer } from "./test-support/callback-server";
import { newTuple, requestedIntegration, sandboxAdmin, testCustomer } from "./test-support/fixtures";

let scratch: ScratchDatabase;
let sandbox: SandboxHandle;
let callbacks: CallbackServer;
const admin = sandboxAdmin(() => sandbox.url);

const sql = (text: string) => runSql(scratch.url, text);

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate({ databaseUrl: scratch.url, log: () => {} });
  await disconnectDb();
  setTestEnv({ DATABASE_URL: scratch.url });
  // Slow enough to break the database between the first attempt and the retry, fast for a test.
  sandbox = await startSandbox({ port: 0, allowInsecureCallbacks: true, retryDelayMs: 1500 });
  useLinkedInAt(sandbox.url);
  callbacks = await startCallbackServer({ defer: () => {} });
});
afterAll(async () => {
  await callbacks?.close();
  await sandbox?.close();
  await disconnectDb();
  await scratch?.drop();
});

type Attempt = { notificationId: string; id: string; attempt: number; status: number | null; outcome: string };

describe("the database fails mid-request", () => {
  it("answers 500 with no body, stores nothing, and LinkedIn's retry (a new id) lands and is applied", async () => {
    const c = await testCustomer(admin);
    const { integration, tuple } = await requestedIntegration(admin, c, newTuple(), "ENABLED", "PARTNER_READY");

    await sql(`
      CREATE FUNCTION onramp_test_die() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$;
      CREATE TRIGGER onramp_test_die BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION onramp_test_die();`);
    // Directly: 500 and not a byte of body (C23).
    const body = JSON.stringify({ id: "direct-1", type: "INTEGRATION_STATUS_CHANGE", expiresAt: 0 });
    const direct = await receiveNotification(
      new Request("http://onramp.test/cb", {
        method: "POST",
        body,
        headers: { "x-li-signature": signNotification(c.clientSecret, body) },
      }),
      c.callbackKey,
      () => {},
    );
    expect(direct.status).toBe(500);
    expect(await direct.text()).toBe("");

    // Through LinkedIn (the sandbox) over HTTP.
    const sent = await admin<{ notificationId: string }>("POST", "/notifications", {
      clientId: c.clientId,
      type: "INTEGRATION_STATUS_CHANGE",
      url: callbacks.urlFor(c.callbackKey),
      integrations: [tuple],
    });
    const attempts = async () =>
      (await admin<{ notifications: Attempt[] }>("GET", "/notifications")).notifications.filter(
        (a) => a.notificationId === sent.notificationId,
      );
    const first = await eventually("the first attempt", async () => (await attempts()).find((a) => a.attempt === 1));
    expect(first).toMatchObject({ status: 500, outcome: "will_retry" });
    expect(await db.notification.count({ where: { customerId: c.customerId } })).toBe(0);

    // The database is back before LinkedIn retries.
    await sql(`DROP TRIGGER onramp_test_die ON "Notification"; DROP FUNCTION onramp_test_die();`);
    const retry = await eventually("the retry", async () => (await attempts()).find((a) => a.outcome === "delivered"));
    expect(retry.attempt).toBe(2);
    expect(retry.id).not.toBe(first.id); // C24: every retry carries a new id

    const stored = await db.notification.findMany({ where: { customerId: c.customerId } });
    expect(stored.map((n) => n.linkedinId)).toEqual([retry.id]);
    expect(
      await processNotification(stored[0]!.id, { attempt: 1, isLastAttempt: false, progress: async () => {} }),
    ).toMatchObject({ state: "PROCESSED", applied: 1 });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integration.id } })).onboardingStatus).toBe(
      "ENABLED",
    );
  });
});
